using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Meta.Sync;

/// <summary>The result of a management read: the mapped outcome and, when it succeeded, what was read.</summary>
/// <typeparam name="T">What the read returns.</typeparam>
/// <param name="Outcome">Ignored for success; failed or retry with a code otherwise.</param>
/// <param name="Value">What was read; default when the read failed.</param>
public sealed record MetaGraphRead<T>(ProviderOutcome Outcome, T? Value)
{
    /// <summary>True when the read succeeded.</summary>
    public bool Succeeded => Outcome.Code is null;
}
