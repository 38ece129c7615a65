namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>Which message and connection a webhook event is about; copied onto its outcome.</summary>
internal readonly record struct MessageReference(
    string? ProviderMessageId,
    string? RecipientId,
    string? CallbackData,
    string? ConnectionKey,
    DateTimeOffset? OccurredAt);
