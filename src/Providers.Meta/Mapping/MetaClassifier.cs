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
}
