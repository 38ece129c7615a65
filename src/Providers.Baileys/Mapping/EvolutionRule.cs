using System.Text.RegularExpressions;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>
/// One row of <see cref="EvolutionRules"/>: a text marker, a pattern or a shape of an Evolution answer → one code.
/// Evolution has no error codes, so rows match its words (<c>response.message</c>) or their shape.
/// </summary>
/// <param name="Id">Stable id reported on outcomes (<c>evo.connection-closed</c>).</param>
/// <param name="Match">What the row matches, in Evolution's terms, for the table readers see.</param>
/// <param name="Result">The code it gives.</param>
/// <param name="Retryable">True when the same request may succeed later (outcome <c>retry</c>).</param>
/// <param name="Source">The Evolution or Baileys source line, or issue, the meaning comes from.</param>
internal sealed record EvolutionRule(string Id, string Match, ErrorCode Result, bool Retryable, string Source)
{
    /// <summary>Text searched in the words (ordinal, ignoring case); null when the row uses another test.</summary>
    public string? Marker { get; init; }

    /// <summary>A pattern searched in the words; null when the row uses another test.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>A test of the answer's shape or status; null when the row uses another test.</summary>
    public Func<EvolutionAnswer, bool>? When { get; init; }

    /// <summary>True when this row decides <paramref name="answer"/>.</summary>
    public bool Matches(EvolutionAnswer answer) =>
        (Marker is null || answer.Says(Marker))
        && (Pattern is null || Pattern.IsMatch(answer.Words))
        && (When is null || When(answer));

    /// <summary>Why this row does or does not decide <paramref name="answer"/>.</summary>
    public RuleCheck Check(EvolutionAnswer answer)
    {
        if (Matches(answer)) return new RuleCheck(Id, true, Match);
        var why = Marker is not null ? $"no \"{Marker}\" in the words"
            : Pattern is not null ? $"the words do not match /{Pattern}/"
            : $"not so: {Match}";
        return new RuleCheck(Id, false, why);
    }

    /// <summary>The row as the provider-neutral table shows it.</summary>
    public MappingRule Describe() =>
        new(Id, "send, instance", Match, Retryable ? OutcomeKind.Retry : OutcomeKind.Failed, Result, Retryable, Source);
}
