using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>One row of <see cref="MetaRules"/>: a Meta error code (or code range) on some paths → one outcome.</summary>
/// <param name="Id">Stable id reported on outcomes (<c>meta.131047</c>).</param>
/// <param name="Code">Meta <c>error.code</c>; with <see cref="CodeTo"/>, the first of a range.</param>
/// <param name="Paths">Where the row applies.</param>
/// <param name="Result">The code it gives.</param>
/// <param name="Retryable">True when the same request may succeed later (outcome <c>retry</c>).</param>
/// <param name="Source">Where Meta's meaning comes from.</param>
internal sealed record MetaRule(string Id, int Code, MetaPath Paths, ErrorCode Result, bool Retryable, string Source)
{
    /// <summary>Only this <c>error_subcode</c>; null matches any.</summary>
    public int? Subcode { get; init; }

    /// <summary>Last code of a range (200–299); null for a single code.</summary>
    public int? CodeTo { get; init; }

    /// <summary>An extra condition, for the few cases where Meta gives nothing but details text or our context.</summary>
    public Func<MetaError, InboundHistory, bool>? When { get; init; }

    /// <summary>The extra condition in words, for the code reference and <c>classify --explain</c>.</summary>
    public string? WhenText { get; init; }

    /// <summary>True when this row decides <paramref name="error"/> on <paramref name="path"/>.</summary>
    public bool Matches(MetaError error, MetaPath path, InboundHistory history) =>
        (Paths & path) != 0
        && (Subcode is null || Subcode == error.Subcode)
        && (When is null || When(error, history));

    /// <summary>Why this row does or does not decide <paramref name="error"/> on <paramref name="path"/>.</summary>
    public RuleCheck Check(MetaError error, MetaPath path, InboundHistory history)
    {
        var match = Describe().Match;
        if ((Paths & path) == 0) return new RuleCheck(Id, false, $"{match}: applies to {Describe().Paths}, not {path.ToString().ToLowerInvariant()}");
        if (Subcode is not null && Subcode != error.Subcode)
            return new RuleCheck(Id, false, $"{match}: error_subcode is {(error.Subcode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent")}");
        if (When is not null && !When(error, history)) return new RuleCheck(Id, false, $"{match}: the condition does not hold");
        return new RuleCheck(Id, true, match);
    }

    /// <summary>The row as the provider-neutral table shows it.</summary>
    public MappingRule Describe()
    {
        var match = CodeTo is null ? $"error.code {Code}" : $"error.code {Code}–{CodeTo}";
        if (Subcode is not null) match += $" + error_subcode {Subcode}";
        if (WhenText is not null) match += $" + {WhenText}";
        var paths = string.Join(", ", Enum.GetValues<MetaPath>().Where(p => p != MetaPath.All && (Paths & p) != 0)).ToLowerInvariant();
        return new MappingRule(Id, paths, match, Retryable ? OutcomeKind.Retry : OutcomeKind.Failed, Result, Retryable, Source);
    }
}
