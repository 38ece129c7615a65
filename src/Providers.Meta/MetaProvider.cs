using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;
using PilotStatus.Gateway.Providers.Meta.Models;
using PilotStatus.Gateway.Providers.Shared;
using Refit;

namespace PilotStatus.Gateway.Providers.Meta;

/// <summary>Sends through <c>POST /{version}/{phone-number-id}/messages</c> and maps the answer; never throws for Meta's answer.</summary>
internal sealed class MetaProvider(IMetaCloudApi api, IOptions<MetaOptions> options) : IMessageProvider
{
    public string Name => MetaResponseMapper.Provider;

    public ProviderCapabilities Capabilities { get; } = new(FreeFormText: true, NativeTemplates: true);

    public async Task<ProviderOutcome> SendAsync(ProviderSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phoneNumberId = request.Connection.Setting(MetaConnectionSettings.PhoneNumberId);
        var token = request.Connection.Setting(MetaConnectionSettings.SystemToken);
        if (phoneNumberId is null || token is null)
            return Incomplete("the connection has no phoneNumberId or systemToken");
        if (request.Message.Text is null && request.Message.Template is null)
            return Incomplete("the message has neither text nor template");

        var response = await ProviderCall.Run(
            () => api.SendMessageAsync(options.Value.GraphVersion, phoneNumberId, BodyOf(request.Message), token, cancellationToken),
            cancellationToken,
            MetaResponseMapper.UsageHeader).ConfigureAwait(false);
        return response.Answered
            ? MetaResponseMapper.MapSend(response.Status, response.Body, response.Headers, request.History)
            : MetaResponseMapper.TransportFailure(response.Attempt, response.Failure!);
    }

    /// <summary>The Graph body for a message: text, or a template with its body parameters.</summary>
    internal static MetaSendBody BodyOf(OutboundMessage message)
    {
        var to = message.To.TrimStart('+');
        if (message.Template is { } template)
        {
            IReadOnlyList<MetaComponent>? components = template.Parameters.Count == 0
                ? null
                : [new MetaComponent("body", [.. template.Parameters.Select(p => new MetaParameter("text", p))])];
            return new MetaSendBody
            {
                To = to,
                Type = "template",
                Template = new MetaTemplate(template.Name, new MetaLanguage(template.Language), components),
                BizOpaqueCallbackData = message.MessageId,
            };
        }

        return new MetaSendBody { To = to, Type = "text", Text = new MetaText(message.Text!), BizOpaqueCallbackData = message.MessageId };
    }

    private static ProviderOutcome Incomplete(string why) => new()
    {
        Kind = OutcomeKind.Failed,
        Code = ErrorCode.SendFailed,
        RuleId = MetaFallbacks.Incomplete.Id,
        Attempt = SendAttempt.NotSent,
        Evidence = new ProviderEvidence(MetaResponseMapper.Provider, ProviderMessage: why),
    };
}
