using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Hosting;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Messages;

/// <summary>
/// The checks before any provider call, in DESIGN.md's order; the first that fails decides the message's code.
/// A message that fails one is stored FAILED and never reaches a provider.
/// </summary>
internal sealed class PreSendChecks(IGatewayStore store, IEnumerable<IMessageProvider> providers, IOptions<GatewayOptions> options)
{
    /// <summary>The failing check's code and why; null when the message may be queued. <paramref name="to"/> is the E.164 form when valid.</summary>
    public async Task<(ErrorCode Code, string Why)?> FirstFailureAsync(MessageRequest request, ConnectionRecord connection, string? to, CancellationToken ct)
    {
        if (to is null)
            return (ErrorCode.InvalidDestination, $"\"{request.To}\" is not a valid number in E.164.");
        if (options.Value.PlatformNumber is { } own && Destination.OwnNumber(own) == to && options.Value.PlatformConnectionId == connection.Id)
            return (ErrorCode.PilotSelfNumber, "The destination is the platform's own number on the platform's own connection.");

        TemplateRecord? template = null;
        if (request.Template is { } asked)
        {
            template = await store.FindTemplateAsync(connection.Id, asked.Name!, asked.Language!, asked.Version, ct);
            if (template is null)
                return (ErrorCode.TemplateVersionNotFound, $"Template {asked.Name} ({asked.Language}{(asked.Version is null ? "" : ", version " + asked.Version)}) is not registered for this connection.");
        }

        var capabilities = providers.FirstOrDefault(p => p.Name == connection.Provider)?.Capabilities;
        if (request.Text is not null && (connection.TemplateOnly || capabilities?.FreeFormText != true))
            return (ErrorCode.FreeFormNotSupported, "This connection takes template messages only.");
        if (template is not null && connection.Provider == "meta" && !string.Equals(template.Status, "APPROVED", StringComparison.OrdinalIgnoreCase))
            return (ErrorCode.MetaTemplateNotApproved, $"Template {template.Name} is {template.Status} at Meta, not APPROVED (last sync).");
        return null;
    }
}
