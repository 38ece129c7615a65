namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>What one provider answer or event means for a message or a connection.</summary>
public enum OutcomeKind
{
    /// <summary>The provider accepted the message; a provider message id is kept. Accepted is not delivered.</summary>
    Sent,

    /// <summary>The recipient's device confirmed delivery.</summary>
    Delivered,

    /// <summary>The recipient read (or played) the message; counts as delivered.</summary>
    Read,

    /// <summary>The message failed permanently with a code: the same request would fail the same way.</summary>
    Failed,

    /// <summary>The message failed for now with a code; the same request may succeed later (see the retry-after hint).</summary>
    Retry,

    /// <summary>The connection is down but may come back by itself; its messages stay queued.</summary>
    ConnectionDown,

    /// <summary>The connection was removed at the provider (logged out, deleted); its messages cannot be sent.</summary>
    ConnectionRemoved,

    /// <summary>An answer or event that says nothing about our sends (inbound messages, echoes, successful reads).</summary>
    Ignored,
}
