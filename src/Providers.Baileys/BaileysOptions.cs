using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Providers.Baileys;

/// <summary>Settings of the Baileys (Evolution API) provider; servers, instances and keys are per connection, never here.</summary>
public sealed class BaileysOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Providers:Baileys";

    /// <summary>
    /// The HTTP client's base address. Every request is rewritten to its connection's <c>serverUrl</c>, so this host
    /// is never called; the <c>.invalid</c> default makes a request that escaped the rewrite fail to resolve.
    /// </summary>
    [Required]
    public Uri PlaceholderBaseUrl { get; set; } = new("http://evolution.invalid/");

    /// <summary>How long one send may wait for Evolution's answer; after it the result is unknown and never re-sent blindly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one idempotent call (number check, state, fetch, status poll) may take per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Extra attempts for idempotent calls; sends and instance changes never retry.</summary>
    [Range(0, 5)]
    public int ReadRetries { get; set; } = 2;

    /// <summary>Share of failed calls, per server and instance, that opens its circuit.</summary>
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
}
