using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>A fixture's <c>Data.expect</c>: what its exchange must map to. Optional members are checked only when given.</summary>
internal sealed record FixtureExpectation(OutcomeKind Outcome, ErrorCode? Code)
{
    public bool? Retryable { get; init; }
    public SendAttempt? Attempt { get; init; }
    public string? ProviderMessageId { get; init; }
    public string? ProviderCode { get; init; }
    public string? Rule { get; init; }
    public IReadOnlyList<(OutcomeKind Outcome, ErrorCode? Code)>? Events { get; init; }

    /// <summary>What differs between this expectation and <paramref name="actual"/>; empty when they agree.</summary>
    public IReadOnlyList<string> Compare(IReadOnlyList<ProviderOutcome> actual)
    {
        var problems = new List<string>();
        if (actual.Count == 0) return ["no outcome at all"];
        var first = actual[0];
        Check(problems, "outcome", OutcomeNames.NameOf(Outcome), OutcomeNames.NameOf(first.Kind));
        Check(problems, "code", Name(Code), Name(first.Code));
        if (Retryable is { } retryable) Check(problems, "retryable", retryable.ToString(), first.Retryable.ToString());
        if (Attempt is { } attempt) Check(problems, "attempt", attempt.ToString(), first.Attempt.ToString());
        if (ProviderMessageId is not null) Check(problems, "providerMessageId", ProviderMessageId, first.ProviderMessageId);
        if (ProviderCode is not null) Check(problems, "providerCode", ProviderCode, first.Evidence.ProviderCode);
        if (Rule is not null) Check(problems, "rule", Rule, first.RuleId);
        if (Events is { } events)
        {
            Check(problems, "events", events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < Math.Min(events.Count, actual.Count); i++)
            {
                Check(problems, $"events[{i}].outcome", OutcomeNames.NameOf(events[i].Outcome), OutcomeNames.NameOf(actual[i].Kind));
                Check(problems, $"events[{i}].code", Name(events[i].Code), Name(actual[i].Code));
            }
        }

        return problems;
    }

    private static string Name(ErrorCode? code) => code is { } c ? ErrorCatalog.NameOf(c) : "null";

    private static void Check(List<string> problems, string field, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            problems.Add($"{field}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }
}
