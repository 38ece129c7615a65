using System.Text;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Logs;
using PilotStatus.Gateway.Messages;
using static PilotStatus.Gateway.Storage.SqliteRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>The logs' reads: filtered pages, newest first, and counts of failures per code and per provider code.</summary>
internal sealed partial class SqliteGatewayStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MessageRecord>> ListMessagesAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {MessageColumns} FROM messages WHERE 1 = 1");
        if (query.ApiKeyId is not null) sql.Append(" AND api_key_id = $key");
        if (query.Status is not null) sql.Append(" AND status = $status");
        if (query.ErrorCode is not null) sql.Append(" AND error_code = $code");
        if (query.ConnectionId is not null) sql.Append(" AND connection_id = $connection");
        if (query.From is not null) sql.Append(" AND created_at >= $from");
        if (query.To is not null) sql.Append(" AND created_at < $to");
        if (query.After is not null) sql.Append(" AND (created_at < $after_at OR (created_at = $after_at AND id < $after_id))");
        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT $limit");
        return QueryAsync(sql.ToString(), command =>
        {
            var p = command.Parameters;
            if (query.ApiKeyId is not null) p.AddWithValue("$key", query.ApiKeyId);
            if (query.Status is { } status) p.AddWithValue("$status", StatusName(status));
            if (query.ErrorCode is { } code) p.AddWithValue("$code", ErrorCatalog.NameOf(code));
            if (query.ConnectionId is not null) p.AddWithValue("$connection", query.ConnectionId);
            if (query.From is { } from) p.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            if (query.To is { } to) p.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            if (query.After is var (at, id)) { p.AddWithValue("$after_at", at.ToUnixTimeMilliseconds()); p.AddWithValue("$after_id", id); }
            p.AddWithValue("$limit", query.Limit);
        }, ReadMessage, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(string? Provider, string? ProviderCode, string? ErrorCode, int Count)>> CountFailuresAsync(
        string? apiKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT provider, provider_code, error_code, COUNT(*) FROM messages WHERE status = $failed AND created_at >= $from AND created_at < $to"
            + (apiKeyId is null ? "" : " AND api_key_id = $key")
            + " GROUP BY provider, provider_code, error_code",
            command =>
            {
                command.Parameters.AddWithValue("$failed", StatusName(MessageStatus.Failed));
                command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
                if (apiKeyId is not null) command.Parameters.AddWithValue("$key", apiKeyId);
            },
            row => (row.IsDBNull(0) ? null : row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetInt32(3)),
            cancellationToken);
}
