namespace PilotStatus.Gateway.Messages;

/// <summary>The states of SPEC.md: QUEUED → SENT → DELIVERED, or FAILED with a code; QUEUED → CANCELED.</summary>
internal enum MessageStatus
{
    /// <summary>Accepted and stored, not yet accepted by the provider.</summary>
    Queued,

    /// <summary>The provider accepted it (it has a provider message id).</summary>
    Sent,

    /// <summary>Delivery was confirmed (read counts as delivered).</summary>
    Delivered,

    /// <summary>Ended with one of the 21 codes.</summary>
    Failed,

    /// <summary>Canceled by request while queued; carries no code.</summary>
    Canceled,
}
