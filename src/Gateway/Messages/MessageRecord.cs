using PilotStatus.Gateway.Abstractions.Errors;

namespace PilotStatus.Gateway.Messages;

/// <summary>One message as stored: what was asked, where it stands, and the evidence of its last attempt.</summary>
internal sealed record MessageRecord
{
    public required string Id { get; init; }
    public required string ApiKeyId { get; init; }
    public string? ConnectionId { get; init; }
    public string? Provider { get; init; }

    /// <summary>The destination as normalized (E.164), or as given when it could not be normalized.</summary>
    public required string To { get; init; }
    public string? Text { get; init; }

    /// <summary>The template request as JSON (<c>{"name","language","version","parameters"}</c>), when a template was asked.</summary>
    public string? TemplateJson { get; init; }
    public required MessageStatus Status { get; init; }
    public ErrorCode? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ProviderCode { get; init; }
    public string? ProviderMessageId { get; init; }

    /// <summary>Real send attempts: requests that may have reached the provider.</summary>
    public int Attempts { get; init; }
    public string? IdempotencyKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public required DateTimeOffset DeliverUntil { get; init; }

    /// <summary>When the dispatcher may try it (again); null for messages that are not queued.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>
    /// The recipient's id as the provider answered it (Meta <c>contacts[].wa_id</c>, Evolution <c>key.remoteJid</c>): it can
    /// differ from <see cref="To"/> (a Brazilian mobile's ninth digit, an Evolution <c>@lid</c>), and inbound messages come from it.
    /// </summary>
    public string? ContactId { get; init; }
}
