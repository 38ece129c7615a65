using PilotStatus.Gateway.Dispatch;

namespace PilotStatus.Gateway.Tests.Dispatch;

/// <summary>Limits respected by spacing: per connection throughput, and Meta's one message per 6 s to one recipient.</summary>
public sealed class PacerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTake_SameMetaRecipientWithin6s_WaitsForThePairSlot()
    {
        var pacer = new Pacer(new DispatcherOptions { MetaMessagesPerSecond = 80, MetaPairSpacing = TimeSpan.FromSeconds(6) });
        pacer.TryTake("con_1", "meta", "+5511987654321", Now).ShouldBeNull();
        pacer.TryTake("con_1", "meta", "+5511987654321", Now.AddSeconds(1)).ShouldBe(TimeSpan.FromSeconds(5));
        pacer.TryTake("con_1", "meta", "+5511987654322", Now.AddSeconds(1)).ShouldBeNull();
        pacer.TryTake("con_1", "meta", "+5511987654321", Now.AddSeconds(6)).ShouldBeNull();
    }

    [Fact]
    public void TryTake_ConnectionThroughput_SpacesSendsBy1OverN()
    {
        var pacer = new Pacer(new DispatcherOptions { MetaMessagesPerSecond = 10, MetaPairSpacing = TimeSpan.Zero });
        pacer.TryTake("con_1", "meta", "+1", Now).ShouldBeNull();
        pacer.TryTake("con_1", "meta", "+2", Now).ShouldBe(TimeSpan.FromMilliseconds(100));
        pacer.TryTake("con_2", "meta", "+2", Now).ShouldBeNull();
    }

    [Fact]
    public void TryTake_Baileys_HasNoPairLimit()
    {
        var pacer = new Pacer(new DispatcherOptions { MetaMessagesPerSecond = 1000 });
        pacer.TryTake("con_b", "baileys", "+1", Now).ShouldBeNull();
        pacer.TryTake("con_b", "baileys", "+1", Now.AddMilliseconds(5)).ShouldBeNull();
    }
}
