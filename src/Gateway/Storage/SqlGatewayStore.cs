using System.Data.Common;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;
using static PilotStatus.Gateway.Storage.SqlRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// The <see cref="IGatewayStore"/> over either engine (<see cref="SqlDialect"/>): one SQL text for both, the few
/// engine-specific statements in the dialect. Every call opens its own (pooled) connection, so one instance may be
/// shared, and several processes may use the same database.
/// </summary>
internal sealed partial class SqlGatewayStore : IGatewayStore
{
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
                    "attempts, sent_at, delivered_at, failed_at, next_attempt_at, contact_id") +
        ", lease_owner = NULL, lease_until = NULL WHERE id = @id";

    private readonly SqlDialect dialect;
    private readonly TimeProvider time;

    /// <summary>Creates a store over a database; nothing is opened until the first call.</summary>
    /// <param name="dialect">The engine and its database.</param>
    /// <param name="time">The clock that stamps applied migrations and contact records.</param>
    public SqlGatewayStore(SqlDialect dialect, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(time);
        this.dialect = dialect;
        this.time = time;
    }

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken) => SqlMigrator.MigrateAsync(dialect, time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryAddConnectionAsync(ConnectionRecord connection, int maxPerNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var db = await OpenAsync(cancellationToken);

        // The number's lock is held from before the count to the commit, so no other caller (or replica) can insert
        // between this count and this insert.
        await using var transaction = await dialect.BeginExclusiveAsync(db, "connections:" + connection.Number, cancellationToken);

        await using (var count = Command(db, "SELECT COUNT(*) FROM connections WHERE number = @number", transaction))
        {
            count.Add("@number", connection.Number);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) >= maxPerNumber)
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
            $"SELECT {ConnectionColumns} FROM connections WHERE id = @id",
            command => command.Add("@id", id),
            ReadConnection,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {ConnectionColumns} FROM connections ORDER BY created_at, id", _ => { }, ReadConnection, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM connections WHERE id = @id", command => command.Add("@id", id), cancellationToken) > 0;

    /// <inheritdoc />
    public async Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await ExecuteAsync(InsertApiKey, command => Bind(command, key), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {ApiKeyColumns} FROM api_keys WHERE key_hash = @key_hash",
            command => command.Add("@key_hash", keyHash),
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
            "WHERE connection_id = @connection_id AND name = @name AND language = @language " +
            // The cast gives PostgreSQL the type of a NULL parameter.
            "AND (CAST(@version AS TEXT) IS NULL OR version = @version) " +
            "ORDER BY updated_at DESC, version DESC LIMIT 1",
            command =>
            {
                command.Add("@connection_id", connectionId);
                command.Add("@name", name);
                command.Add("@language", language);
                command.Add("@version", version);
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
            db, $"SELECT {MessageColumns} FROM messages WHERE api_key_id = @api_key_id AND idempotency_key = @idempotency_key");
        select.Add("@api_key_id", message.ApiKeyId);
        select.Add("@idempotency_key", message.IdempotencyKey);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (ReadMessage(reader), false)
            : throw new InvalidOperationException($"Message '{message.Id}' was neither inserted nor found by its idempotency key.");
    }

    /// <inheritdoc />
    public Task<MessageRecord?> GetMessageAsync(string id, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {MessageColumns} FROM messages WHERE id = @id",
            command => command.Add("@id", id),
            ReadMessage,
            cancellationToken);

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => dialect.OpenAsync(cancellationToken);

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T?> QueryFirstAsync<T>(
        string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        (await QueryAsync(sql, bind, read, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
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
