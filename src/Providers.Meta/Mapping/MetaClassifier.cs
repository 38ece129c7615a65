using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Webhooks;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>The Meta mapper behind the provider-neutral <see cref="IProviderClassifier"/> (classify, fixtures verify, webhooks).</summary>
internal sealed class MetaClassifier : IProviderClassifier
{
    public string Provider => MetaResponseMapper.Provider;

    public IReadOnlyList<MappingRule> Rules { get; } = [.. MetaRules.All.Select(r => r.Describe()), .. MetaFallbacks.All];

    public IReadOnlyList<ProviderOutcome> Classify(ProviderExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.Kind switch
        {
            ExchangeKind.Webhook => MetaWebhookParser.Parse(exchange.Body, exchange.History),
            ExchangeKind.GraphResponse => [MetaResponseMapper.MapGraph(exchange.HttpStatus, exchange.Body, exchange.Headers)],
            // Meta has no instance calls; anything else is read as a send answer, the broadest table.
            _ => [MetaResponseMapper.MapSend(exchange.HttpStatus, exchange.Body, exchange.Headers, exchange.History)],
        };
    }

    public IReadOnlyList<Explanation> Explain(ProviderExchange exchange)
    {
        var path = exchange.Kind switch
        {
            ExchangeKind.Webhook => MetaPath.Webhook,
            ExchangeKind.GraphResponse => MetaPath.Graph,
            _ => MetaPath.Send,
        };
        var answerError = path == MetaPath.Webhook ? null : ReadError(exchange.Body);
        return [.. Classify(exchange).Select(outcome => new Explanation(outcome, MetaRules.Explain(answerError ?? FromEvidence(outcome.Evidence), path, exchange.History)))];
    }

    private static MetaError? ReadError(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : MetaAnswerReader.Read(body).Error;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // A webhook event keeps its error only as evidence; its words stand for both message and details.
    private static MetaError FromEvidence(ProviderEvidence evidence) => new(
        int.TryParse(evidence.ProviderCode, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null,
        int.TryParse(evidence.ProviderSubcode, System.Globalization.CultureInfo.InvariantCulture, out var subcode) ? subcode : null,
        evidence.ProviderMessage, null, evidence.ProviderMessage, evidence.TraceId, false);
}
