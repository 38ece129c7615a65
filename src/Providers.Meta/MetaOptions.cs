using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Providers.Meta;

/// <summary>Settings of the Meta Cloud API provider; tokens are per connection, never here.</summary>
public sealed class MetaOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Providers:Meta";

    /// <summary>Graph API base address (a WireMock double in tests and the sandbox).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>Graph API version, <c>vNN.N</c>.</summary>
    [Required]
    [RegularExpression(@"^v\d{1,3}\.\d{1,2}$", ErrorMessage = "GraphVersion must look like v23.0.")]
    public string GraphVersion { get; set; } = "v23.0";

    /// <summary>How long one send may wait for Meta's answer; after it the result is unknown and never re-sent blindly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one management read may take per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Extra attempts for management reads (GETs are safe to repeat); sends never retry.</summary>
    [Range(0, 5)]
    public int ReadRetries { get; set; } = 2;

    /// <summary>Share of failed calls, per phone-number-id, that opens its circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted over; at least twice the longest timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit stays open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Templates read per page during Sync with Meta.</summary>
    [Range(1, 1000)]
    public int TemplatePageSize { get; set; } = 200;
}
