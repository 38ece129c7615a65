using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Lifecycle;

/// <summary>Settings of the deadline sweeper (section <c>Gateway:Sweeper</c>).</summary>
internal sealed class SweeperOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Gateway:Sweeper";

    /// <summary>How often deadlines are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages ended per query.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
