using System.Data.Common;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using static PilotStatus.Gateway.Storage.SqlRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>What webhooks leave behind: events kept for reconciliation, and contacts with the time they last wrote.</summary>
internal sealed partial class SqlGatewayStore
{
    private const string KeptEventColumns =
        "id, provider, provider_message_id, callback_data, connection_key, outcome, error_code, provider_code, rule_id, provider_message, occurred_at";

    /// <inheritdoc />
    public async Task AddUnmatchedEventAsync(string provider, ProviderOutcome update, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await ExecuteAsync(
            "INSERT INTO unmatched_webhook_events (provider, provider_message_id, callback_data, connection_key, outcome, error_code, provider_code, rule_id, provider_message, occurred_at, received_at) " +
            "VALUES (@provider, @pid, @callback, @connection, @outcome, @code, @provider_code, @rule, @words, @occurred, @at)",
            command =>
            {
                command.Add("@provider", provider);
                command.Add("@pid", update.ProviderMessageId);
                command.Add("@callback", update.CallbackData);
                command.Add("@connection", update.ConnectionKey);
                command.Add("@outcome", OutcomeNames.NameOf(update.Kind));
                command.Add("@code", update.Code is { } code ? ErrorCatalog.NameOf(code) : null);
                command.Add("@provider_code", update.Evidence.ProviderCode);
                command.Add("@rule", update.RuleId);
                command.Add("@words", update.Evidence.ProviderMessage);
                command.Add("@occurred", update.OccurredAt?.ToUnixTimeMilliseconds());
                command.Add("@at", receivedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(string? ProviderMessageId, string? CallbackData, string Outcome)>> UnmatchedEventsAsync(string provider, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT provider_message_id, callback_data, outcome FROM unmatched_webhook_events WHERE provider = @provider AND reconciled_message_id IS NULL ORDER BY id LIMIT @limit",
            command =>
            {
                command.Add("@provider", provider);
                command.Add("@limit", limit);
            },
            row => (Text(row, 0), Text(row, 1), row.GetString(2)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KeptWebhookEvent>> UnmatchedEventsForAsync(string provider, string? providerMessageId, string messageId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {KeptEventColumns} FROM unmatched_webhook_events WHERE provider = @provider AND reconciled_message_id IS NULL " +
            "AND (provider_message_id = @pid OR callback_data = @id) ORDER BY id",
            command =>
            {
                command.Add("@provider", provider);
                command.Add("@pid", providerMessageId);
                command.Add("@id", messageId);
            },
            ReadKeptEvent,
            cancellationToken);

    /// <inheritdoc />
    public async Task MarkReconciledAsync(long eventId, string messageId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE unmatched_webhook_events SET reconciled_message_id = @message WHERE id = @id",
            command =>
            {
                command.Add("@id", eventId);
                command.Add("@message", messageId);
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task RecordContactAsync(string connectionId, string contactId, string? number, DateTimeOffset? inboundAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "INSERT INTO contacts (connection_id, contact_id, number, last_inbound_at, updated_at) VALUES (@connection, @contact, @number, @inbound, @now) " +
            "ON CONFLICT (connection_id, contact_id) DO UPDATE SET " +
            "number = COALESCE(excluded.number, contacts.number), " +
            "last_inbound_at = CASE WHEN contacts.last_inbound_at IS NULL OR excluded.last_inbound_at > contacts.last_inbound_at " +
            "THEN COALESCE(excluded.last_inbound_at, contacts.last_inbound_at) ELSE contacts.last_inbound_at END, " +
            "updated_at = excluded.updated_at",
            command =>
            {
                command.Add("@connection", connectionId);
                command.Add("@contact", contactId);
                command.Add("@number", number);
                command.Add("@inbound", inboundAt?.ToUnixTimeMilliseconds());
                command.Add("@now", now.ToUnixTimeMilliseconds());
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<DateTimeOffset?> LastInboundAsync(string connectionId, IReadOnlyCollection<string> contactIds, string? number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        // One parameter per id: the list is a handful of spellings of one contact.
        var ids = contactIds.Select((_, i) => "@c" + i).ToList();
        var match = ids.Count == 0 ? "number = @number" : $"(contact_id IN ({string.Join(", ", ids)}) OR number = @number)";
        var latest = await QueryAsync(
            $"SELECT MAX(last_inbound_at) FROM contacts WHERE connection_id = @connection AND {match}",
            command =>
            {
                command.Add("@connection", connectionId);
                command.Add("@number", number);
                var i = 0;
                foreach (var id in contactIds) command.Add("@c" + i++, id);
            },
            row => OptionalTime(row, 0),
            cancellationToken);
        return latest.FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> HasInboundAsync(string connectionId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT 1 FROM contacts WHERE connection_id = @connection AND last_inbound_at IS NOT NULL LIMIT 1",
            command => command.Add("@connection", connectionId),
            _ => true,
            cancellationToken)).Count > 0;

    private static KeptWebhookEvent ReadKeptEvent(DbDataReader row)
    {
        OutcomeNames.TryParse(row.GetString(5), out var kind);
        return new KeptWebhookEvent(row.GetInt64(0), new ProviderOutcome
        {
            Kind = kind,
            Code = Text(row, 6) is { } code ? ParseErrorCode(code) : null,
            RuleId = Text(row, 8) ?? "kept",
            ProviderMessageId = Text(row, 2),
            CallbackData = Text(row, 3),
            ConnectionKey = Text(row, 4),
            OccurredAt = OptionalTime(row, 10),
            Evidence = new ProviderEvidence(row.GetString(1), ProviderCode: Text(row, 7), ProviderMessage: Text(row, 9)),
        });
    }
}
