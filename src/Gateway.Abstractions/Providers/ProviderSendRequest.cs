namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>What a provider takes to send one message.</summary>
/// <param name="Message">The message.</param>
/// <param name="Connection">The connection to send it from.</param>
/// <param name="History">What is known of inbound messages from the recipient.</param>
public sealed record ProviderSendRequest(OutboundMessage Message, ProviderConnection Connection, InboundHistory History = InboundHistory.Unknown);
