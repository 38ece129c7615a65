using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PilotStatus.Gateway.Storage.Sqlite;

/// <summary>
/// The embedded engine: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a write is on disk when its call
/// returns. SQLite has one writer at a time, so a lease is one <c>UPDATE … RETURNING</c> and an exclusive section is
/// <c>BEGIN IMMEDIATE</c> (the whole database, whatever the lock's name).
/// </summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    // busy_timeout comes first: switching a fresh file to WAL takes a lock that another connection may hold.
    private const string ConnectionPragmas =
        "PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override IReadOnlyList<string> Steps => SqliteSchema.Steps;

    /// <inheritdoc />
    public override string LeaseDueSql { get; } =
        "UPDATE messages SET lease_owner = @owner, lease_until = @lease_until WHERE id IN (" +
        "SELECT id FROM messages WHERE status = @queued AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now) " +
        "ORDER BY created_at, id LIMIT @limit) " +
        $"RETURNING {SqlRows.MessageColumns}";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    // IMMEDIATE takes the write lock at BEGIN, before the transaction's first read. Microsoft.Data.Sqlite has no
    // asynchronous BEGIN; its async methods complete synchronously anyway.
    public override Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, string lockName, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
