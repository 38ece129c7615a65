namespace PilotStatus.Gateway.Dispatch;

/// <summary>
/// Spaces sends so providers' limits are respected by waiting, not by collecting rate-limit errors: per connection,
/// at most N messages a second; per (Meta connection, recipient), one message per pair spacing (Meta 131056).
/// In memory, per process: with N replicas each allows these rates, so divide them by N (README, "Running N replicas").
/// </summary>
internal sealed class Pacer(DispatcherOptions options)
{
    private readonly Dictionary<string, DateTimeOffset> nextFree = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Takes a slot for a send now, or says how long to wait for one.</summary>
    public TimeSpan? TryTake(string connectionId, string provider, string recipient, DateTimeOffset now)
    {
        lock (gate)
        {
            var pairKey = provider == "meta" ? $"{connectionId}|{recipient}" : null;
            var wait = Wait(connectionId, now);
            if (pairKey is not null && Wait(pairKey, now) is { } pairWait && (wait is null || pairWait > wait)) wait = pairWait;
            if (wait is not null) return wait;

            nextFree[connectionId] = now + TimeSpan.FromSeconds(1.0 / options.MetaMessagesPerSecond);
            if (pairKey is not null) nextFree[pairKey] = now + options.MetaPairSpacing;
            return null;
        }
    }

    private TimeSpan? Wait(string key, DateTimeOffset now) =>
        nextFree.TryGetValue(key, out var free) && free > now ? free - now : null;
}
