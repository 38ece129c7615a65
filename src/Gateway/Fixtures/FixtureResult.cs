using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>What replaying one fixture gave, and how it differs from its expectation.</summary>
internal sealed record FixtureResult(FixtureFile File, IReadOnlyList<ProviderOutcome> Actual, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}
