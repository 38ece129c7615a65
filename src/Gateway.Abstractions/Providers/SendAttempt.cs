namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>Whether a send request reached the provider: what decides if it counts as an attempt and may be re-sent.</summary>
public enum SendAttempt
{
    /// <summary>The provider answered; the outcome says what it decided.</summary>
    Answered,

    /// <summary>The request never left (open circuit, connection refused): not an attempt, safe to send again.</summary>
    NotSent,

    /// <summary>The request may have reached the provider but no answer came (timeout): never re-send blindly.</summary>
    Unknown,
}
