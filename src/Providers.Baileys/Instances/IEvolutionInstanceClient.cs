using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Baileys.Instances;

/// <summary>
/// The instance and chat calls of one Baileys connection on its Evolution server. Never throws for Evolution's
/// answer: every call is one outcome (ignored when all is well; connection-down/-removed for a closed or logged-out
/// instance; failed or retry with a code otherwise). Settings missing from the connection give a failed outcome
/// with attempt <see cref="SendAttempt.NotSent"/>. All members are thread-safe.
/// </summary>
public interface IEvolutionInstanceClient
{
    /// <summary>Checks numbers on WhatsApp (<c>POST /chat/whatsappNumbers</c>): WHATSAPP_NOT_EXIST when one is not.</summary>
    /// <param name="connection">The connection whose instance asks.</param>
    /// <param name="numbers">Numbers in E.164 (the '+' is dropped).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ProviderOutcome> CheckNumbersAsync(ProviderConnection connection, IReadOnlyList<string> numbers, CancellationToken cancellationToken);

    /// <summary>Reads the socket state (<c>GET /instance/connectionState</c>); note it can say open while sends fail.</summary>
    Task<ProviderOutcome> ConnectionStateAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Reads the instance's stored row (<c>GET /instance/fetchInstances?instanceName=</c>): tells logged out from closed.</summary>
    Task<ProviderOutcome> FetchInstanceAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates the instance named by the connection (<c>POST /instance/create</c>, Baileys, QR pairing).</summary>
    Task<ProviderOutcome> CreateAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Restarts the instance's socket (<c>POST /instance/restart</c>).</summary>
    Task<ProviderOutcome> RestartAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Logs the instance out of WhatsApp (<c>DELETE /instance/logout</c>).</summary>
    Task<ProviderOutcome> LogoutAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Deletes the instance from its server (<c>DELETE /instance/delete</c>).</summary>
    Task<ProviderOutcome> DeleteAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Polls the stored ack rows of a sent message (<c>POST /chat/findStatusMessage</c>) by its <c>key.id</c>.</summary>
    /// <param name="connection">The connection that sent it.</param>
    /// <param name="keyId">The <c>key.id</c> of the send answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ProviderOutcome> FindStatusMessageAsync(ProviderConnection connection, string keyId, CancellationToken cancellationToken);
}
