namespace PilotStatus.Gateway.Abstractions.Errors;

/// <summary>Who has to act on a code: the coarse grouping operators filter by.</summary>
public enum ErrorGroup
{
    /// <summary>The destination: invalid, not on WhatsApp, outside its window.</summary>
    Recipient,

    /// <summary>The message content: templates, free-form text.</summary>
    Content,

    /// <summary>The sending account: tokens, WABA access, provider-side failures of the sender.</summary>
    SenderAccount,

    /// <summary>A provider throughput or quality limit.</summary>
    RateLimit,

    /// <summary>The connection to the provider: instances down, removed, unknown.</summary>
    Connection,

    /// <summary>Deadlines and confirmations the gateway tracks itself.</summary>
    Lifecycle,

    /// <summary>A check the gateway makes before any provider call.</summary>
    GatewayCheck,
}
