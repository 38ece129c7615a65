namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>An outcome and the rows considered for it, in table order.</summary>
/// <param name="Outcome">The outcome, as <see cref="IProviderClassifier.Classify"/> gives it.</param>
/// <param name="Considered">The table rows tried, in order; the last one matched unless the outcome came from a fallback.</param>
public sealed record Explanation(ProviderOutcome Outcome, IReadOnlyList<RuleCheck> Considered)
{
    /// <summary>True when no table row matched and the outcome came from a fallback row (<see cref="ProviderOutcome.RuleId"/>).</summary>
    public bool Fallback => !Considered.Any(c => c.Matched);
}
