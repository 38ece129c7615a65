namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>
/// Sends messages through one provider. Never throws for a provider's answer, a transport failure or a timeout:
/// every case is a <see cref="ProviderOutcome"/>, with <see cref="ProviderOutcome.Attempt"/> telling whether the
/// request may have reached the provider. Implementations never re-send a request that may have reached it.
/// All members are thread-safe.
/// </summary>
public interface IMessageProvider
{
    /// <summary>The provider name (<c>meta</c>, <c>baileys</c>).</summary>
    string Name { get; }

    /// <summary>What the provider can send.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Sends one message and classifies the answer.</summary>
    Task<ProviderOutcome> SendAsync(ProviderSendRequest request, CancellationToken cancellationToken);
}
