using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;
using static PilotStatus.Gateway.Storage.SqlRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>The lifecycle's conditional writes: each one statement, so a concurrent writer (or replica) is never overwritten.</summary>
internal sealed partial class SqlGatewayStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MessageRecord>> DeadlinePassedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {MessageColumns} FROM messages WHERE status IN (@queued, @sent) AND deliver_until <= @now " +
            "AND NOT (status = @queued AND next_attempt_at IS NULL AND lease_until IS NOT NULL AND lease_until > @now) " +
            "ORDER BY deliver_until, id LIMIT @limit",
            command =>
            {
                command.Add("@queued", StatusName(MessageStatus.Queued));
                command.Add("@sent", StatusName(MessageStatus.Sent));
                command.Add("@now", now.ToUnixTimeMilliseconds());
                command.Add("@limit", limit);
            },
            ReadMessage,
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MessageRecord>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var leased = await QueryAsync(
            dialect.LeaseDueSql,
            command =>
            {
                command.Add("@owner", owner);
                command.Add("@lease_until", (now + lease).ToUnixTimeMilliseconds());
                command.Add("@queued", StatusName(MessageStatus.Queued));
                command.Add("@now", now.ToUnixTimeMilliseconds());
                command.Add("@limit", limit);
            },
            ReadMessage,
            cancellationToken);

        // RETURNING gives rows in no promised order.
        return [.. leased.OrderBy(message => message.CreatedAt).ThenBy(message => message.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string id, string owner, DateTimeOffset inFlightUntil, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE messages SET next_attempt_at = NULL, lease_until = @in_flight_until " +
            "WHERE id = @id AND status = @queued AND next_attempt_at IS NOT NULL AND lease_owner = @owner",
            command =>
            {
                command.Add("@id", id);
                command.Add("@queued", StatusName(MessageStatus.Queued));
                command.Add("@owner", owner);
                command.Add("@in_flight_until", inFlightUntil.ToUnixTimeMilliseconds());
            },
            cancellationToken) == 1;

    /// <inheritdoc />
    public async Task<bool> TryRescheduleAsync(string id, string owner, DateTimeOffset next, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE messages SET next_attempt_at = @next, lease_owner = NULL, lease_until = NULL " +
            "WHERE id = @id AND status = @queued AND next_attempt_at IS NOT NULL AND lease_owner = @owner",
            command =>
            {
                command.Add("@id", id);
                command.Add("@queued", StatusName(MessageStatus.Queued));
                command.Add("@owner", owner);
                command.Add("@next", next.ToUnixTimeMilliseconds());
            },
            cancellationToken) == 1;

    /// <inheritdoc />
    public async Task<bool> TryCancelAsync(string id, string apiKeyId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE messages SET status = @canceled, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL " +
            "WHERE id = @id AND api_key_id = @key AND status = @queued AND next_attempt_at IS NOT NULL",
            command =>
            {
                command.Add("@id", id);
                command.Add("@key", apiKeyId);
                command.Add("@queued", StatusName(MessageStatus.Queued));
                command.Add("@canceled", StatusName(MessageStatus.Canceled));
            },
            cancellationToken) == 1;

    /// <inheritdoc />
    public Task<MessageRecord?> FindByProviderMessageIdAsync(string provider, string providerMessageId, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            $"SELECT {MessageColumns} FROM messages WHERE provider = @provider AND provider_message_id = @pid",
            command =>
            {
                command.Add("@provider", provider);
                command.Add("@pid", providerMessageId);
            },
            ReadMessage,
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryUpdateMessageAsync(MessageRecord updated, MessageStatus expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return await ExecuteAsync(
            UpdateMessage + " AND status = @expected",
            command =>
            {
                Bind(command, updated);
                command.Add("@expected", StatusName(expected));
            },
            cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> SetConnectionStateAsync(string id, ConnectionState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(
            "UPDATE connections SET state = @state, state_changed_at = @at WHERE id = @id",
            command =>
            {
                command.Add("@id", id);
                command.Add("@state", StateName(state));
                command.Add("@at", at.ToUnixTimeMilliseconds());
            },
            cancellationToken) == 1;
        if (changed && state == ConnectionState.Open)
        {
            await ExecuteAsync(
                "UPDATE messages SET next_attempt_at = @at WHERE connection_id = @id AND status = @queued AND next_attempt_at > @at",
                command =>
                {
                    command.Add("@id", id);
                    command.Add("@queued", StatusName(MessageStatus.Queued));
                    command.Add("@at", at.ToUnixTimeMilliseconds());
                },
                cancellationToken);
        }

        return changed;
    }
}
