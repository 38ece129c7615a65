using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys.Webhooks;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>The Evolution mapper behind the provider-neutral <see cref="IProviderClassifier"/> (classify, fixtures verify, webhooks).</summary>
internal sealed class EvolutionClassifier : IProviderClassifier
{
    public string Provider => EvolutionResponseMapper.Provider;

    public IReadOnlyList<MappingRule> Rules { get; } = [.. EvolutionRules.All.Select(r => r.Describe()), .. EvolutionFallbacks.All];

    public IReadOnlyList<ProviderOutcome> Classify(ProviderExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.Kind switch
        {
            ExchangeKind.Webhook => EvolutionWebhookParser.Parse(exchange.Body),
            ExchangeKind.SendResponse => [EvolutionResponseMapper.MapSend(exchange.HttpStatus, exchange.Body)],
            // Evolution has no Graph reads; its management calls are instance calls.
            _ => [EvolutionResponseMapper.MapInstance(exchange.HttpStatus, exchange.Body)],
        };
    }

    public IReadOnlyList<Explanation> Explain(ProviderExchange exchange)
    {
        var outcomes = Classify(exchange);
        // Webhook events are decided by event name and ack status, not by the table; answers that are not JSON never reach it.
        var checks = exchange.Kind == ExchangeKind.Webhook ? [] : EvolutionRules.Explain(exchange.HttpStatus, exchange.Body);
        return [.. outcomes.Select(o => new Explanation(o, checks))];
    }
}
