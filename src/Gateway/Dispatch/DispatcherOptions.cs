using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Dispatch;

/// <summary>Settings of the dispatcher (section <c>Gateway:Dispatcher</c>).</summary>
internal sealed class DispatcherOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Gateway:Dispatcher";

    /// <summary>How often the queue is looked at when it had nothing due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages claimed per look.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a dispatcher holds the messages it took in one look before another replica may take them: the longest
    /// a dead replica delays its unsent messages. A message whose request has left is never taken again; the deadline
    /// rules leave it alone for this long too, so an answer on its way is not overtaken by its deadline.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long messages of a connection its provider reported down wait before it is looked at again (it coming back up ends the wait).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ConnectionDownRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends in flight at once per dispatcher, each to a different recipient (one recipient's messages keep their order).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Real send attempts before a retryable failure ends the message with its last code (SPEC "Retries").</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's wait; doubled per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts, whatever the provider hints.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Meta throughput per business phone number (80 by default, Meta's default tier).</summary>
    [Range(1, 1000)]
    public int MetaMessagesPerSecond { get; set; } = 80;

    /// <summary>Meta's pair limit: one message to the same recipient from one number per this long (131056 otherwise).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MetaPairSpacing { get; set; } = TimeSpan.FromSeconds(6);
}
