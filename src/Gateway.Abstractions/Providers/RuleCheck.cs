namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>One table row tried while classifying, and what came of it.</summary>
/// <param name="RuleId">The row.</param>
/// <param name="Matched">True when this row decided the outcome.</param>
/// <param name="Reason">Why it did or did not match, in the provider's terms.</param>
public sealed record RuleCheck(string RuleId, bool Matched, string Reason);
