using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// Everything the gateway stores. Every write is durable when the call returns (an accepted message survives a
/// kill). Implementations: SQLite (the embedded default); PostgreSQL comes with the lifecycle issue.
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

    /// <summary>Replaces a stored message's mutable fields (status, codes, attempts, times, provider ids).</summary>
    Task UpdateMessageAsync(MessageRecord message, CancellationToken cancellationToken);

    /// <summary>QUEUED or SENT messages whose <c>deliverUntil</c> is at or before <paramref name="now"/>, earliest deadline first.</summary>
    Task<IReadOnlyList<MessageRecord>> DeadlinePassedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a due queued message for sending: clears its next attempt time only if it is still QUEUED and due.
    /// False when it was canceled or claimed meanwhile; then it must not be sent.
    /// </summary>
    Task<bool> TryClaimAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels a message of <paramref name="apiKeyId"/> if it is QUEUED and not claimed by a dispatcher (a claimed
    /// one may already be on its way). True when it is now CANCELED.
    /// </summary>
    Task<bool> TryCancelAsync(string id, string apiKeyId, CancellationToken cancellationToken);

    /// <summary>The message a provider knows by <paramref name="providerMessageId"/>, or null.</summary>
    Task<MessageRecord?> FindByProviderMessageIdAsync(string provider, string providerMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="updated"/> only if the stored message still has <paramref name="expected"/> status:
    /// the guard that keeps a webhook and the dispatcher from undoing each other. True when it was stored.
    /// </summary>
    Task<bool> TryUpdateMessageAsync(MessageRecord updated, MessageStatus expected, CancellationToken cancellationToken);

    /// <summary>Keeps a webhook event that matched no message, for later reconciliation.</summary>
    Task AddUnmatchedEventAsync(string provider, Abstractions.Providers.ProviderOutcome update, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>The unmatched events kept for <paramref name="provider"/>, oldest first: (provider message id, callback data, outcome).</summary>
    Task<IReadOnlyList<(string? ProviderMessageId, string? CallbackData, string Outcome)>> UnmatchedEventsAsync(string provider, int limit, CancellationToken cancellationToken);

    /// <summary>One page of messages matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<MessageRecord>> ListMessagesAsync(Logs.LogQuery query, CancellationToken cancellationToken);

    /// <summary>Failed messages created in [<paramref name="from"/>, <paramref name="to"/>), counted per provider, provider code and stored code.</summary>
    Task<IReadOnlyList<(string? Provider, string? ProviderCode, string? ErrorCode, int Count)>> CountFailuresAsync(
        string? apiKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Queued messages whose <see cref="MessageRecord.NextAttemptAt"/> has come, oldest first.</summary>
    Task<IReadOnlyList<MessageRecord>> DueMessagesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
