using PilotStatus.Gateway.Providers.Baileys.Internal;
using PilotStatus.Gateway.Providers.Baileys.Models;
using Refit;

namespace PilotStatus.Gateway.Providers.Baileys;

/// <summary>
/// The Evolution API v2 calls the gateway makes. Every method returns the raw body as text inside
/// <see cref="IApiResponse{T}"/> so that Refit never throws for a provider's answer and the mapper reads the exact
/// bytes Evolution sent. Server, instance NAME and key are per connection: the server travels as a request property
/// that <see cref="EvolutionServerHandler"/> turns into the request's real address.
/// </summary>
internal interface IEvolutionApi
{
    /// <summary>Sends a text message (201 with <c>key.id</c> when accepted).</summary>
    [Post("/message/sendText/{instance}")]
    Task<IApiResponse<string>> SendTextAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Body(buffered: true)] EvolutionSendTextBody body,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Checks which numbers are on WhatsApp (<c>[{exists, jid, number}]</c>).</summary>
    [Post("/chat/whatsappNumbers/{instance}")]
    Task<IApiResponse<string>> WhatsappNumbersAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Body(buffered: true)] EvolutionNumbersBody body,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Reads the stored ack rows of a sent message: the fallback when ack webhooks are missing.</summary>
    [Post("/chat/findStatusMessage/{instance}")]
    Task<IApiResponse<string>> FindStatusMessageAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Body(buffered: true)] EvolutionFindStatusBody body,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Reads the socket state (<c>{"instance":{"state":"open"}}</c>).</summary>
    [Get("/instance/connectionState/{instance}")]
    Task<IApiResponse<string>> ConnectionStateAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Reads the instance's stored row (<c>connectionStatus</c>, <c>disconnectionReasonCode</c>).</summary>
    [Get("/instance/fetchInstances")]
    Task<IApiResponse<string>> FetchInstancesAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        [AliasAs("instanceName")] string instanceName,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Creates a Baileys instance (201; a name in use answers 403).</summary>
    [Post("/instance/create")]
    Task<IApiResponse<string>> CreateInstanceAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        [Body(buffered: true)] EvolutionCreateBody body,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Restarts the instance's socket (POST in code, PUT in the docs; errors come back as 200 <c>{"error":true}</c>).</summary>
    [Post("/instance/restart/{instance}")]
    Task<IApiResponse<string>> RestartAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Logs the instance out of WhatsApp (400 "is not connected" when already closed).</summary>
    [Delete("/instance/logout/{instance}")]
    Task<IApiResponse<string>> LogoutAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);

    /// <summary>Deletes the instance from its server.</summary>
    [Delete("/instance/delete/{instance}")]
    Task<IApiResponse<string>> DeleteAsync(
        [Property(EvolutionServerHandler.ServerProperty)] string server,
        string instance,
        [Header("apikey")] string apiKey,
        CancellationToken cancellationToken);
}
