using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Shared;
using PilotStatus.Gateway.Providers.Baileys.Internal;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using PilotStatus.Gateway.Providers.Baileys.Models;

namespace PilotStatus.Gateway.Providers.Baileys;

/// <summary>
/// Sends through Evolution API <c>POST /message/sendText/{instance}</c> and maps the answer; never throws for
/// Evolution's answer and never re-sends. Templates are rendered into text: Baileys has no templates.
/// </summary>
internal sealed class BaileysProvider(IEvolutionApi api) : IMessageProvider
{
    public string Name => EvolutionResponseMapper.Provider;

    public ProviderCapabilities Capabilities { get; } = new(FreeFormText: true, NativeTemplates: false);

    public async Task<ProviderOutcome> SendAsync(ProviderSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (EvolutionTarget.Of(request.Connection) is not { } target)
            return EvolutionResponseMapper.Incomplete("the connection has no valid serverUrl, instanceName or apiKey");
        var text = request.Message.Template is { } template ? template.Render() : request.Message.Text;
        if (text is null)
        {
            return EvolutionResponseMapper.Incomplete(request.Message.Template is null
                ? "the message has neither text nor template"
                : "the template has no body text to render");
        }

        var body = new EvolutionSendTextBody(request.Message.To.TrimStart('+'), text);
        var call = await ProviderCall.Run(
            () => api.SendTextAsync(target.Server, target.Instance, body, target.ApiKey, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return call.Answered
            ? EvolutionResponseMapper.MapSend(call.Status, call.Body)
            : EvolutionResponseMapper.TransportFailure(call.Attempt, call.Failure!);
    }
}
