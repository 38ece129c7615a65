using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>
/// The timeouts, read retries and circuit-breaker settings every HTTP provider has, with their defaults in one place.
/// Sends never retry: no provider here has an idempotency key, so a retried send can deliver a message twice.
/// </summary>
public abstract class ProviderHttpOptions
{
    /// <summary>How long one send may wait for the provider's answer; after it the result is unknown and never re-sent blindly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one read (management call, state probe) may take per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Extra attempts for reads, which are safe to repeat; sends never retry.</summary>
    [Range(0, 5)]
    public int ReadRetries { get; set; } = 2;

    /// <summary>Share of failed calls, per circuit key, that opens its circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted over; at least the longest timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit stays open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The rule across these settings that DataAnnotations cannot say, or null when they hold; <paramref name="section"/> names the settings in the message.</summary>
    public string? CheckTimings(string section)
    {
        var longest = SendTimeout > ReadTimeout ? SendTimeout : ReadTimeout;
        return BreakerSamplingDuration < longest
            ? $"{section}:BreakerSamplingDuration ({BreakerSamplingDuration}) must be at least the longest timeout ({longest})."
            : null;
    }
}
