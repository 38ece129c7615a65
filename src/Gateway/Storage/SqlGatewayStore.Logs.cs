using System.Text;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Logs;
using PilotStatus.Gateway.Messages;
using static PilotStatus.Gateway.Storage.SqlRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>The logs' reads: filtered pages, newest first, and counts of failures per code and per provider code.</summary>
internal sealed partial class SqlGatewayStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MessageRecord>> ListMessagesAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {MessageColumns} FROM messages WHERE 1 = 1");
        if (query.ApiKeyId is not null) sql.Append(" AND api_key_id = @key");
        if (query.Status is not null) sql.Append(" AND status = @status");
        if (query.ErrorCode is not null) sql.Append(" AND error_code = @code");
        if (query.ConnectionId is not null) sql.Append(" AND connection_id = @connection");
        if (query.From is not null) sql.Append(" AND created_at >= @from");
        if (query.To is not null) sql.Append(" AND created_at < @to");
        if (query.After is not null) sql.Append(" AND (created_at < @after_at OR (created_at = @after_at AND id < @after_id))");
        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @limit");
        return QueryAsync(sql.ToString(), command =>
        {
            if (query.ApiKeyId is not null) command.Add("@key", query.ApiKeyId);
            if (query.Status is { } status) command.Add("@status", StatusName(status));
            if (query.ErrorCode is { } code) command.Add("@code", ErrorCatalog.NameOf(code));
            if (query.ConnectionId is not null) command.Add("@connection", query.ConnectionId);
            if (query.From is { } from) command.Add("@from", from.ToUnixTimeMilliseconds());
            if (query.To is { } to) command.Add("@to", to.ToUnixTimeMilliseconds());
            if (query.After is var (at, id)) { command.Add("@after_at", at.ToUnixTimeMilliseconds()); command.Add("@after_id", id); }
            command.Add("@limit", query.Limit);
        }, ReadMessage, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(string? Provider, string? ProviderCode, string? ErrorCode, int Count)>> CountFailuresAsync(
        string? apiKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT provider, provider_code, error_code, COUNT(*) FROM messages WHERE status = @failed AND created_at >= @from AND created_at < @to"
            + (apiKeyId is null ? "" : " AND api_key_id = @key")
            + " GROUP BY provider, provider_code, error_code",
            command =>
            {
                command.Add("@failed", StatusName(MessageStatus.Failed));
                command.Add("@from", from.ToUnixTimeMilliseconds());
                command.Add("@to", to.ToUnixTimeMilliseconds());
                if (apiKeyId is not null) command.Add("@key", apiKeyId);
            },
            row => (Text(row, 0), Text(row, 1), Text(row, 2), Convert.ToInt32(row.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken);
}
