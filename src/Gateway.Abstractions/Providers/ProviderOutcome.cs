using PilotStatus.Gateway.Abstractions.Errors;

namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>
/// The normalized meaning of one provider answer or webhook event. Providers return it and never throw for a
/// provider's answer; <see cref="Evidence"/> keeps the raw cause beside the code.
/// </summary>
public sealed record ProviderOutcome
{
    /// <summary>What happened.</summary>
    public required OutcomeKind Kind { get; init; }

    /// <summary>The code: set exactly for <see cref="OutcomeKind.Failed"/>, <see cref="OutcomeKind.Retry"/> and the connection events.</summary>
    public ErrorCode? Code { get; init; }

    /// <summary>True when the same request may succeed later.</summary>
    public bool Retryable { get; init; }

    /// <summary>Id of the mapping rule that decided this outcome (<c>meta.131047</c>, <c>evo.exists-false</c>).</summary>
    public required string RuleId { get; init; }

    /// <summary>Whether a send request reached the provider.</summary>
    public SendAttempt Attempt { get; init; } = SendAttempt.Answered;

    /// <summary>How long to wait before trying again, when the provider gave a hint (clamp before use).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The provider's message id: Meta wamid, Evolution <c>key.id</c>.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>Webhook events: the gateway's own id echoed back (Meta <c>biz_opaque_callback_data</c>).</summary>
    public string? CallbackData { get; init; }

    /// <summary>The recipient's WhatsApp id as the provider reports it (Meta <c>wa_id</c>/<c>recipient_id</c>, Evolution jid).</summary>
    public string? RecipientId { get; init; }

    /// <summary>
    /// Webhook events: an inbound message (ignored as a send result). <see cref="RecipientId"/> is then the contact who
    /// wrote and <see cref="OccurredAt"/> when; the gateway keeps it per contact for the 24 h window.
    /// </summary>
    public bool Inbound { get; init; }

    /// <summary>The contact's other id when the provider gives two (Evolution <c>remoteJidAlt</c> or <c>senderPn</c> beside an <c>@lid</c> jid).</summary>
    public string? RecipientAltId { get; init; }

    /// <summary>Webhook events: which connection the event is for (Meta <c>phone_number_id</c>, Evolution instance name).</summary>
    public string? ConnectionKey { get; init; }

    /// <summary>Webhook events: when the provider says it happened.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The provider's own words.</summary>
    public required ProviderEvidence Evidence { get; init; }
}
