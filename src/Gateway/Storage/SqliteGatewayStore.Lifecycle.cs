using PilotStatus.Gateway.Messages;
using static PilotStatus.Gateway.Storage.SqliteRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>The lifecycle's conditional writes: each one statement, so a concurrent writer can never be overwritten.</summary>
internal sealed partial class SqliteGatewayStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MessageRecord>> DeadlinePassedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {MessageColumns} FROM messages WHERE status IN ($queued, $sent) AND deliver_until <= $now ORDER BY deliver_until, id LIMIT $limit",
            command =>
            {
                command.Parameters.AddWithValue("$queued", StatusName(MessageStatus.Queued));
                command.Parameters.AddWithValue("$sent", StatusName(MessageStatus.Sent));
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$limit", limit);
            },
            ReadMessage,
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE messages SET next_attempt_at = NULL WHERE id = $id AND status = $queued AND next_attempt_at IS NOT NULL AND next_attempt_at <= $now",
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$queued", StatusName(MessageStatus.Queued));
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            },
            cancellationToken) == 1;

    /// <inheritdoc />
    public async Task<bool> TryCancelAsync(string id, string apiKeyId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE messages SET status = $canceled, next_attempt_at = NULL WHERE id = $id AND api_key_id = $key AND status = $queued AND next_attempt_at IS NOT NULL",
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$key", apiKeyId);
                command.Parameters.AddWithValue("$queued", StatusName(MessageStatus.Queued));
                command.Parameters.AddWithValue("$canceled", StatusName(MessageStatus.Canceled));
            },
            cancellationToken) == 1;

    /// <inheritdoc />
    public Task<MessageRecord?> FindByProviderMessageIdAsync(string provider, string providerMessageId, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {MessageColumns} FROM messages WHERE provider = $provider AND provider_message_id = $pid",
            command =>
            {
                command.Parameters.AddWithValue("$provider", provider);
                command.Parameters.AddWithValue("$pid", providerMessageId);
            },
            ReadMessage,
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryUpdateMessageAsync(MessageRecord updated, MessageStatus expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return await ExecuteAsync(
            UpdateMessage + " AND status = $expected",
            command =>
            {
                Bind(command, updated);
                command.Parameters.AddWithValue("$expected", StatusName(expected));
            },
            cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task AddUnmatchedEventAsync(string provider, Abstractions.Providers.ProviderOutcome update, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await ExecuteAsync(
            "INSERT INTO unmatched_webhook_events (provider, provider_message_id, callback_data, connection_key, outcome, error_code, provider_code, received_at) " +
            "VALUES ($provider, $pid, $callback, $connection, $outcome, $code, $provider_code, $at)",
            command =>
            {
                var p = command.Parameters;
                p.AddWithValue("$provider", provider);
                p.AddWithValue("$pid", (object?)update.ProviderMessageId ?? DBNull.Value);
                p.AddWithValue("$callback", (object?)update.CallbackData ?? DBNull.Value);
                p.AddWithValue("$connection", (object?)update.ConnectionKey ?? DBNull.Value);
                p.AddWithValue("$outcome", Abstractions.Providers.OutcomeNames.NameOf(update.Kind));
                p.AddWithValue("$code", update.Code is { } code ? Abstractions.Errors.ErrorCatalog.NameOf(code) : DBNull.Value);
                p.AddWithValue("$provider_code", (object?)update.Evidence.ProviderCode ?? DBNull.Value);
                p.AddWithValue("$at", receivedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(string? ProviderMessageId, string? CallbackData, string Outcome)>> UnmatchedEventsAsync(string provider, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT provider_message_id, callback_data, outcome FROM unmatched_webhook_events WHERE provider = $provider ORDER BY id LIMIT $limit",
            command =>
            {
                command.Parameters.AddWithValue("$provider", provider);
                command.Parameters.AddWithValue("$limit", limit);
            },
            row => (row.IsDBNull(0) ? null : row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1), row.GetString(2)),
            cancellationToken);
}
