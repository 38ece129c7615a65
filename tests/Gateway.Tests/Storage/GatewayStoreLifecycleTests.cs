using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Tests.Storage;

/// <summary>Leases, claims, connection states, contacts and kept webhook events: the writes replicas race on, per engine.</summary>
public abstract class GatewayStoreLifecycleTests(StoreEngine engine) : StoreTestBase(engine)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LeaseDueAsync_TwoOwnersAtOnce_TakeDisjointBatches()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 60; i++) await store.AddMessageAsync(Message($"m{i:D3}"), Ct);

        var batches = await RunTogetherAsync(2, i => OpenStore().LeaseDueAsync($"owner-{i}", T0, Lease, 40, Ct));

        var all = batches.SelectMany(batch => batch.Select(m => m.Id)).ToList();
        all.ShouldBeUnique();
        all.Count.ShouldBe(60);
        batches.ShouldAllBe(batch => batch.Count >= 20);
    }

    [Fact]
    public async Task LeaseDueAsync_OwnerDiedBeforeClaiming_AnotherOwnerTakesThemWhenTheLeaseEnds()
    {
        var store = await NewStoreAsync();
        await store.AddMessageAsync(Message("m1"), Ct);
        (await store.LeaseDueAsync("dead", T0, Lease, 10, Ct)).Select(m => m.Id).ShouldBe(["m1"]);

        (await store.LeaseDueAsync("alive", T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, Ct)).ShouldBeEmpty();
        (await store.LeaseDueAsync("alive", T0 + Lease, Lease, 10, Ct)).Select(m => m.Id).ShouldBe(["m1"]);

        (await store.TryClaimAsync("m1", "dead", T0.AddMinutes(1), Ct)).ShouldBeFalse();
        (await store.TryClaimAsync("m1", "alive", T0.AddMinutes(1), Ct)).ShouldBeTrue();
        (await store.TryClaimAsync("m1", "alive", T0.AddMinutes(1), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task LeaseDueAsync_ClaimedMessage_IsNeverLeasedAgain()
    {
        var store = await NewStoreAsync();
        await store.AddMessageAsync(Message("m1"), Ct);
        await store.LeaseDueAsync("a", T0, Lease, 10, Ct);
        (await store.TryClaimAsync("m1", "a", T0.AddMinutes(1), Ct)).ShouldBeTrue();

        (await store.LeaseDueAsync("b", T0.AddDays(1), Lease, 10, Ct)).ShouldBeEmpty();
        (await store.TryCancelAsync("m1", "k1", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task DeadlinePassedAsync_RequestInFlight_WaitsForItsAnswerOrTheInFlightMark()
    {
        var store = await NewStoreAsync();
        var message = Message("m1") with { DeliverUntil = T0.AddSeconds(10) };
        await store.AddMessageAsync(message, Ct);
        await store.LeaseDueAsync("a", T0, Lease, 10, Ct);
        (await store.TryClaimAsync("m1", "a", T0.AddMinutes(1), Ct)).ShouldBeTrue();

        // Past its deadline while the request is out: not the deadline rules' yet.
        (await store.DeadlinePassedAsync(T0.AddSeconds(30), 10, Ct)).ShouldBeEmpty();
        (await store.DeadlinePassedAsync(T0.AddMinutes(1), 10, Ct)).Select(m => m.Id).ShouldBe(["m1"]); // the dispatcher died

        // The answer is stored (result unknown, parked): the in-flight mark goes with it.
        (await store.TryUpdateMessageAsync(message with { Attempts = 1, NextAttemptAt = null }, MessageStatus.Queued, Ct)).ShouldBeTrue();
        (await store.DeadlinePassedAsync(T0.AddSeconds(30), 10, Ct)).Select(m => m.Id).ShouldBe(["m1"]);
    }

    [Fact]
    public async Task TryClaimAsync_ManyOwnersRacingOverOneQueue_ClaimsEachMessageOnce()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 200; i++) await store.AddMessageAsync(Message($"m{i:D3}"), Ct);

        var claimed = await RunTogetherAsync(6, async i =>
        {
            var mine = new List<string>();
            var owner = OpenStore();
            // Short leases that run out mid-run: a message leased twice must still be claimed once.
            for (var pass = 0; pass < 40; pass++)
            {
                var now = T0 + TimeSpan.FromSeconds(pass);
                foreach (var message in await owner.LeaseDueAsync($"owner-{i}", now, TimeSpan.FromSeconds(1), 10, Ct))
                    if (await owner.TryClaimAsync(message.Id, $"owner-{i}", T0.AddMinutes(1), Ct)) mine.Add(message.Id);
            }

            return mine;
        });

        var all = claimed.SelectMany(ids => ids).ToList();
        all.ShouldBeUnique();
        all.Count.ShouldBe(200);
    }

    [Fact]
    public async Task TryCancelAsync_LeasedNotClaimed_CancelsAndTheClaimIsRefused()
    {
        var store = await NewStoreAsync();
        await store.AddMessageAsync(Message("m1"), Ct);
        await store.LeaseDueAsync("a", T0, Lease, 10, Ct);

        (await store.TryCancelAsync("m1", "k1", Ct)).ShouldBeTrue();

        (await store.TryClaimAsync("m1", "a", T0.AddMinutes(1), Ct)).ShouldBeFalse();
        (await store.GetMessageAsync("m1", Ct))!.Status.ShouldBe(MessageStatus.Canceled);
    }

    [Fact]
    public async Task TryRescheduleAsync_OwnLease_MakesItDueLaterForAnyOwner()
    {
        var store = await NewStoreAsync();
        await store.AddMessageAsync(Message("m1"), Ct);
        await store.LeaseDueAsync("a", T0, Lease, 10, Ct);

        (await store.TryRescheduleAsync("m1", "b", T0.AddSeconds(5), Ct)).ShouldBeFalse();
        (await store.TryRescheduleAsync("m1", "a", T0.AddSeconds(5), Ct)).ShouldBeTrue();

        (await store.LeaseDueAsync("b", T0.AddSeconds(4), Lease, 10, Ct)).ShouldBeEmpty();
        (await store.LeaseDueAsync("b", T0.AddSeconds(5), Lease, 10, Ct)).Select(m => m.Id).ShouldBe(["m1"]);
        (await store.GetMessageAsync("m1", Ct))!.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task SetConnectionStateAsync_DownThenOpen_WaitingMessagesBecomeDueAtOnce()
    {
        var store = await NewStoreAsync();
        await store.TryAddConnectionAsync(Connection("c1"), 4, Ct);
        await store.AddMessageAsync(Message("m1") with { NextAttemptAt = T0.AddMinutes(10) }, Ct);

        (await store.SetConnectionStateAsync("c1", ConnectionState.Down, T0, Ct)).ShouldBeTrue();
        (await store.GetConnectionAsync("c1", Ct))!.ShouldSatisfyAllConditions(
            c => c.State.ShouldBe(ConnectionState.Down), c => c.StateChangedAt.ShouldBe(T0));
        (await store.SetConnectionStateAsync("c1", ConnectionState.Open, T0.AddMinutes(1), Ct)).ShouldBeTrue();

        (await store.GetMessageAsync("m1", Ct))!.NextAttemptAt.ShouldBe(T0.AddMinutes(1));
        (await store.SetConnectionStateAsync("absent", ConnectionState.Down, T0, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task RecordContactAsync_SendThenInbound_KeepsTheNumberAndTheLatestInbound()
    {
        var store = await NewStoreAsync();
        await store.TryAddConnectionAsync(Connection("c1"), 4, Ct);
        await store.RecordContactAsync("c1", "556384622450", "+5563984622450", null, T0, Ct);
        (await store.LastInboundAsync("c1", ["556384622450"], null, Ct)).ShouldBeNull();

        await store.RecordContactAsync("c1", "556384622450", null, T0.AddHours(2), T0, Ct);
        await store.RecordContactAsync("c1", "556384622450", null, T0.AddHours(1), T0, Ct); // late duplicate

        (await store.LastInboundAsync("c1", ["556384622450"], null, Ct)).ShouldBe(T0.AddHours(2));
        (await store.LastInboundAsync("c1", [], "+5563984622450", Ct)).ShouldBe(T0.AddHours(2));
        (await store.LastInboundAsync("c1", ["5563984622450"], null, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task UnmatchedEventsForAsync_KeptEvents_AreFoundByProviderIdOrCallbackUntilReconciled()
    {
        var store = await NewStoreAsync();
        var delivered = new ProviderOutcome
        {
            Kind = OutcomeKind.Delivered, RuleId = "meta.webhook.delivered", ProviderMessageId = "wamid.1",
            OccurredAt = T0, Evidence = new ProviderEvidence("meta"),
        };
        var failed = new ProviderOutcome
        {
            Kind = OutcomeKind.Failed, Code = ErrorCode.WhatsappNotExist, RuleId = "meta.131026", CallbackData = "m1",
            Evidence = new ProviderEvidence("meta", ProviderCode: "131026", ProviderMessage: "Message undeliverable"),
        };
        await store.AddUnmatchedEventAsync("meta", delivered, T0, Ct);
        await store.AddUnmatchedEventAsync("meta", failed, T0, Ct);

        var kept = await store.UnmatchedEventsForAsync("meta", "wamid.1", "m1", Ct);

        kept.Select(e => e.Update).ShouldBe([delivered with { RecipientId = null }, failed], ignoreOrder: false);
        await store.MarkReconciledAsync(kept[0].Id, "m1", Ct);
        (await store.UnmatchedEventsForAsync("meta", "wamid.1", "m1", Ct)).Select(e => e.Update.RuleId).ShouldBe(["meta.131026"]);
        (await store.UnmatchedEventsForAsync("baileys", "wamid.1", "m1", Ct)).ShouldBeEmpty();
    }

    private static MessageRecord Message(string id) => new()
    {
        Id = id, ApiKeyId = "k1", ConnectionId = "c1", Provider = "meta", To = "+5511977770000", Text = "hello",
        Status = MessageStatus.Queued, CreatedAt = T0, DeliverUntil = T0.AddDays(1), NextAttemptAt = T0,
    };

    private static ConnectionRecord Connection(string id) => new()
    {
        Id = id, Provider = "baileys", Number = "+5511999990000", Settings = new Dictionary<string, string>(),
        ProtectedSecrets = "x", CreatedAt = T0,
    };
}

public sealed class SqliteGatewayStoreLifecycleTests() : GatewayStoreLifecycleTests(StoreEngine.Sqlite);

public sealed class PostgresGatewayStoreLifecycleTests() : GatewayStoreLifecycleTests(StoreEngine.Postgres);
