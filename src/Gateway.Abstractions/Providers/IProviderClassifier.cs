namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>
/// Turns a provider's raw answers and webhook bodies into outcomes. Implementations are pure and total: any input,
/// however malformed, yields outcomes and never an exception. All members are thread-safe.
/// </summary>
public interface IProviderClassifier
{
    /// <summary>The provider name (<c>meta</c>, <c>baileys</c>).</summary>
    string Provider { get; }

    /// <summary>Every mapping rule, in the order they are tried: the table onboarding engineers read.</summary>
    IReadOnlyList<MappingRule> Rules { get; }

    /// <summary>
    /// Classifies one exchange. Answers yield exactly one outcome; a webhook body yields one outcome per event it
    /// carries (at least one: an empty or unknown webhook is one <see cref="OutcomeKind.Ignored"/> outcome).
    /// </summary>
    IReadOnlyList<ProviderOutcome> Classify(ProviderExchange exchange);

    /// <summary>
    /// Classifies one exchange and says why: for each outcome, the table rows considered in order, whether each
    /// matched and on what (code, subcode, marker). Same outcomes as <see cref="Classify"/>.
    /// </summary>
    IReadOnlyList<Explanation> Explain(ProviderExchange exchange);
}
