using Microsoft.Data.Sqlite;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;
using static PilotStatus.Gateway.Storage.SqliteRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// The embedded <see cref="IGatewayStore"/>: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a write
/// is on disk when its call returns. Every call opens its own (pooled) connection, so one instance may be shared,
/// and several instances or processes may use the same file.
/// </summary>
internal sealed partial class SqliteGatewayStore : IGatewayStore
{
    // busy_timeout comes first: switching a fresh file to WAL takes a lock that another connection may hold.
    private const string ConnectionPragmas =
        "PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    private static readonly string InsertConnection =
        $"INSERT INTO connections ({ConnectionColumns}) VALUES ({Parameters(ConnectionColumns)})";

    private static readonly string InsertApiKey =
        $"INSERT INTO api_keys ({ApiKeyColumns}) VALUES ({Parameters(ApiKeyColumns)})";

    private static readonly string UpsertTemplate =
        $"INSERT INTO templates ({TemplateColumns}) VALUES ({Parameters(TemplateColumns)}) " +
        "ON CONFLICT (connection_id, name, language, version) DO UPDATE SET " + Assignments("status, body_text, updated_at");

    private static readonly string InsertMessage =
        $"INSERT INTO messages ({MessageColumns}) VALUES ({Parameters(MessageColumns)}) " +
        "ON CONFLICT (api_key_id, idempotency_key) DO NOTHING";

    private static readonly string UpdateMessage =
        "UPDATE messages SET " +
        Assignments("connection_id, provider, status, error_code, error_message, provider_code, provider_message_id, " +
                    "attempts, sent_at, delivered_at, failed_at, next_attempt_at") +
        " WHERE id = $id";

    private readonly string connectionString;
    private readonly TimeProvider time;

    /// <summary>Creates a store over a database; nothing is opened until the first call.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string (<c>Data Source=gateway.db</c>).</param>
    /// <param name="time">The clock that stamps applied migrations.</param>
    public SqliteGatewayStore(string connectionString, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        this.connectionString = connectionString;
        this.time = time;
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteSchema.MigrateAsync(connection, time.GetUtcNow(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryAddConnectionAsync(ConnectionRecord connection, int maxPerNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var db = await OpenAsync(cancellationToken);

        // IMMEDIATE takes the write lock before the count, so no other writer can insert between count and insert.
        // Microsoft.Data.Sqlite has no asynchronous BEGIN; its async methods complete synchronously anyway.
        await using var transaction = db.BeginTransaction(deferred: false);

        await using (var count = Command(db, "SELECT COUNT(*) FROM connections WHERE number = $number", transaction))
        {
            count.Parameters.AddWithValue("$number", connection.Number);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= maxPerNumber)
            {
                return false;
            }
        }

        await using (var insert = Command(db, InsertConnection, transaction))
        {
            Bind(insert, connection);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public Task<ConnectionRecord?> GetConnectionAsync(string id, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {ConnectionColumns} FROM connections WHERE id = $id",
            command => command.Parameters.AddWithValue("$id", id),
            ReadConnection,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {ConnectionColumns} FROM connections ORDER BY created_at, id", _ => { }, ReadConnection, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM connections WHERE id = $id", command => command.Parameters.AddWithValue("$id", id), cancellationToken) > 0;

    /// <inheritdoc />
    public async Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await ExecuteAsync(InsertApiKey, command => Bind(command, key), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {ApiKeyColumns} FROM api_keys WHERE key_hash = $key_hash",
            command => command.Parameters.AddWithValue("$key_hash", keyHash),
            ReadApiKey,
            cancellationToken);

    /// <inheritdoc />
    public async Task UpsertTemplateAsync(TemplateRecord template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        await ExecuteAsync(UpsertTemplate, command => Bind(command, template), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TemplateRecord?> FindTemplateAsync(
        string connectionId, string name, string language, string? version, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {TemplateColumns} FROM templates " +
            "WHERE connection_id = $connection_id AND name = $name AND language = $language " +
            "AND ($version IS NULL OR version = $version) " +
            "ORDER BY updated_at DESC, version DESC LIMIT 1",
            command =>
            {
                command.Parameters.AddWithValue("$connection_id", connectionId);
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$language", language);
                command.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
            },
            ReadTemplate,
            cancellationToken);

    /// <inheritdoc />
    public async Task<(MessageRecord Message, bool Created)> AddMessageAsync(MessageRecord message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await OpenAsync(cancellationToken);

        // Insert first and read back only on conflict: a concurrent request with the same key either inserted
        // before us (we read its row) or after us (it reads ours); a read-then-insert would let both insert.
        await using (var insert = Command(db, InsertMessage))
        {
            Bind(insert, message);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return (message, true);
            }
        }

        await using var select = Command(
            db, $"SELECT {MessageColumns} FROM messages WHERE api_key_id = $api_key_id AND idempotency_key = $idempotency_key");
        select.Parameters.AddWithValue("$api_key_id", message.ApiKeyId);
        select.Parameters.AddWithValue("$idempotency_key", message.IdempotencyKey);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (ReadMessage(reader), false)
            : throw new InvalidOperationException($"Message '{message.Id}' was neither inserted nor found by its idempotency key.");
    }

    /// <inheritdoc />
    public Task<MessageRecord?> GetMessageAsync(string id, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {MessageColumns} FROM messages WHERE id = $id",
            command => command.Parameters.AddWithValue("$id", id),
            ReadMessage,
            cancellationToken);

    /// <inheritdoc />
    public async Task UpdateMessageAsync(MessageRecord message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ExecuteAsync(UpdateMessage, command => Bind(command, message), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MessageRecord>> DueMessagesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {MessageColumns} FROM messages WHERE status = $status AND next_attempt_at <= $now " +
            "ORDER BY created_at, id LIMIT $limit",
            command =>
            {
                command.Parameters.AddWithValue("$status", StatusName(MessageStatus.Queued));
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$limit", limit);
            },
            ReadMessage,
            cancellationToken);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = Command(connection, ConnectionPragmas);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T?> QueryFirstAsync<T>(
        string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        (await QueryAsync(sql, bind, read, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
