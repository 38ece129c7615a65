using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// Everything the gateway stores. Every write is durable when the call returns (an accepted message survives a
/// kill). One implementation, <see cref="SqlGatewayStore"/>, over two engines: SQLite (the embedded default) and
/// PostgreSQL (several replicas on one database). Every write that races another replica is one conditional statement.
/// </summary>
internal interface IGatewayStore
{
    /// <summary>Creates or migrates the schema; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds a connection unless its number already has <paramref name="maxPerNumber"/> connections; the count and
    /// the insert are one atomic step, so concurrent requests cannot exceed the cap. False when the cap was reached.
    /// </summary>
    Task<bool> TryAddConnectionAsync(ConnectionRecord connection, int maxPerNumber, CancellationToken cancellationToken);

    Task<ConnectionRecord?> GetConnectionAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a connection; its API keys stay (their messages then fail with LINKED_WHATSAPP_INSTANCE_NOT_FOUND). False when absent.</summary>
    Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken);

    Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Adds or replaces one template version (same connection, name, language and version).</summary>
    Task UpsertTemplateAsync(TemplateRecord template, CancellationToken cancellationToken);

    /// <summary>The template version asked for, or the newest version when <paramref name="version"/> is null.</summary>
    Task<TemplateRecord?> FindTemplateAsync(string connectionId, string name, string language, string? version, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new message, unless one with the same API key and idempotency key exists: then returns that one and
    /// stores nothing. Returns the stored message and whether it was created by this call.
    /// </summary>
    Task<(MessageRecord Message, bool Created)> AddMessageAsync(MessageRecord message, CancellationToken cancellationToken);

    Task<MessageRecord?> GetMessageAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// QUEUED or SENT messages whose <c>deliverUntil</c> is at or before <paramref name="now"/>, earliest deadline first;
    /// not those whose request is in flight (see <see cref="TryClaimAsync"/>).
    /// </summary>
    Task<IReadOnlyList<MessageRecord>> DeadlinePassedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> due queued messages to <paramref name="owner"/> (one dispatcher) for
    /// <paramref name="lease"/>, oldest first. Another owner is not given them until the lease expires, so a replica
    /// that dies mid-batch delays its messages by at most one lease. A lease is not a send: see <see cref="TryClaimAsync"/>.
    /// </summary>
    Task<IReadOnlyList<MessageRecord>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a leased message for one send: clears its next attempt time only if it is still QUEUED, unclaimed and
    /// leased to <paramref name="owner"/>, and marks it in flight until <paramref name="inFlightUntil"/> (the deadline
    /// rules leave it alone until then, so an answer on its way is not overtaken). False when it was canceled, claimed
    /// or re-leased meanwhile; then it must not be sent. A claimed message is never leased again: a crash mid-send
    /// leaves an unknown attempt.
    /// </summary>
    Task<bool> TryClaimAsync(string id, string owner, DateTimeOffset inFlightUntil, CancellationToken cancellationToken);

    /// <summary>Gives a leased message back unsent, due again at <paramref name="next"/>; false when the lease was lost.</summary>
    Task<bool> TryRescheduleAsync(string id, string owner, DateTimeOffset next, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels a message of <paramref name="apiKeyId"/> if it is QUEUED and not claimed by a dispatcher (a claimed
    /// one may already be on its way). True when it is now CANCELED.
    /// </summary>
    Task<bool> TryCancelAsync(string id, string apiKeyId, CancellationToken cancellationToken);

    /// <summary>The message a provider knows by <paramref name="providerMessageId"/>, or null.</summary>
    Task<MessageRecord?> FindByProviderMessageIdAsync(string provider, string providerMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="updated"/>'s mutable fields (status, codes, attempts, times, provider ids), releasing any
    /// lease or in-flight mark, only if the stored message still has <paramref name="expected"/> status: the guard that
    /// keeps webhooks, dispatchers and sweepers from undoing each other. True when it was stored.
    /// </summary>
    Task<bool> TryUpdateMessageAsync(MessageRecord updated, MessageStatus expected, CancellationToken cancellationToken);

    /// <summary>Keeps a webhook event that matched no message, for later reconciliation.</summary>
    Task AddUnmatchedEventAsync(string provider, Abstractions.Providers.ProviderOutcome update, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The kept, unreconciled events of <paramref name="provider"/> that name <paramref name="providerMessageId"/> or
    /// carry <paramref name="messageId"/> as callback data, in the order they arrived.
    /// </summary>
    Task<IReadOnlyList<KeptWebhookEvent>> UnmatchedEventsForAsync(string provider, string? providerMessageId, string messageId, CancellationToken cancellationToken);

    /// <summary>Marks a kept event as reconciled with <paramref name="messageId"/> (kept, no longer pending).</summary>
    Task MarkReconciledAsync(long eventId, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Records what a provider said about a connection. Moving back to open makes its queued, unclaimed messages due
    /// at once (they waited for it); false when the connection is unknown.
    /// </summary>
    Task<bool> SetConnectionStateAsync(string id, ConnectionState state, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers a contact of a connection by the id its provider uses: the number a send was addressed to
    /// (<paramref name="number"/>), and when the contact last wrote (<paramref name="inboundAt"/>; the later one is kept).
    /// </summary>
    Task RecordContactAsync(string connectionId, string contactId, string? number, DateTimeOffset? inboundAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether any inbound message was ever recorded on the connection (its inbound webhooks reach the gateway).</summary>
    Task<bool> HasInboundAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>When any of <paramref name="contactIds"/>, or a contact last addressed as <paramref name="number"/>, last wrote to the connection; null when never.</summary>
    Task<DateTimeOffset?> LastInboundAsync(string connectionId, IReadOnlyCollection<string> contactIds, string? number, CancellationToken cancellationToken);

    /// <summary>The unmatched events kept for <paramref name="provider"/>, oldest first: (provider message id, callback data, outcome).</summary>
    Task<IReadOnlyList<(string? ProviderMessageId, string? CallbackData, string Outcome)>> UnmatchedEventsAsync(string provider, int limit, CancellationToken cancellationToken);

    /// <summary>One page of messages matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<MessageRecord>> ListMessagesAsync(Logs.LogQuery query, CancellationToken cancellationToken);

    /// <summary>Failed messages created in [<paramref name="from"/>, <paramref name="to"/>), counted per provider, provider code and stored code.</summary>
    Task<IReadOnlyList<(string? Provider, string? ProviderCode, string? ErrorCode, int Count)>> CountFailuresAsync(
        string? apiKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
