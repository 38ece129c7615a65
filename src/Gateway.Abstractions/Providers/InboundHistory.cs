namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>What the gateway knows of inbound messages from a contact; decides Meta 131047 between "no conversation" and "outside the window".</summary>
public enum InboundHistory
{
    /// <summary>The caller does not know (the default: treated as "outside the 24 h window").</summary>
    Unknown,

    /// <summary>No inbound message from this contact was ever recorded.</summary>
    None,

    /// <summary>The contact has written before.</summary>
    Known,
}
