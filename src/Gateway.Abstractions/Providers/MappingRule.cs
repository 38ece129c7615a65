using PilotStatus.Gateway.Abstractions.Errors;

namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>One row of a provider's mapping table, as documentation and tools see it.</summary>
/// <param name="Id">Stable rule id, as outcomes report it (<c>meta.131047</c>).</param>
/// <param name="Paths">Which exchange kinds the row applies to, as text (<c>send, webhook</c>).</param>
/// <param name="Match">What the row matches, in the provider's terms (<c>error.code 100 + error_subcode 33</c>).</param>
/// <param name="Outcome">The outcome the row gives.</param>
/// <param name="Code">The code it gives, if any.</param>
/// <param name="Retryable">Whether its outcome is retryable.</param>
/// <param name="Source">Where the provider's semantics come from (doc page, source line, issue).</param>
public sealed record MappingRule(
    string Id,
    string Paths,
    string Match,
    OutcomeKind Outcome,
    ErrorCode? Code,
    bool Retryable,
    string Source)
{
    /// <summary>
    /// False for rows no recorded exchange can reach (an open circuit, a request the gateway never made); the
    /// fixture coverage gate asks every other row for at least one fixture.
    /// </summary>
    public bool Recordable { get; init; } = true;
}
