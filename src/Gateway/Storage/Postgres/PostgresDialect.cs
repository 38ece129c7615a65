using System.Data.Common;
using Npgsql;

namespace PilotStatus.Gateway.Storage.Postgres;

/// <summary>
/// The engine for several gateway replicas on one database. A lease picks its rows with <c>FOR UPDATE SKIP LOCKED</c>,
/// so replicas leasing at the same moment take disjoint rows without waiting on each other; an exclusive section is a
/// transaction-scoped advisory lock on the lock's name.
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "postgresql";

    /// <inheritdoc />
    public override IReadOnlyList<string> Steps => PostgresSchema.Steps;

    /// <inheritdoc />
    public override string LeaseDueSql { get; } =
        "WITH due AS (SELECT id FROM messages WHERE status = @queued AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now) " +
        "ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED) " +
        "UPDATE messages SET lease_owner = @owner, lease_until = @lease_until FROM due WHERE messages.id = due.id " +
        "RETURNING " + string.Join(", ", SqlRows.MessageColumns.Split(", ").Select(column => "messages." + column));

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, string lockName, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))";
            command.Parameters.Add(new NpgsqlParameter("name", lockName));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
