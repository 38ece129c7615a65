using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Tests.Storage;

/// <summary>The storage contract, run once per engine (see the sealed classes at the end).</summary>
public abstract class GatewayStoreMessageTests(StoreEngine engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task GetMessageAsync_AfterAdd_RoundTripsEveryField()
    {
        var store = await NewStoreAsync();
        var message = Message("m1", "idem-1") with
        {
            ConnectionId = "c1",
            Provider = "meta",
            Text = null,
            TemplateJson = """{"name":"welcome","language":"pt_BR","version":"1","parameters":["Ana"]}""",
            Status = MessageStatus.Failed,
            ErrorCode = ErrorCode.MetaRateLimited,
            ErrorMessage = "(#130429) Rate limit hit",
            ProviderCode = "130429",
            ProviderMessageId = "wamid.HBgM",
            Attempts = 3,
            SentAt = T0.AddSeconds(1),
            DeliveredAt = null,
            FailedAt = T0.AddSeconds(2),
            NextAttemptAt = null,
        };

        (await store.AddMessageAsync(message, Ct)).ShouldBe((message, true));

        (await store.GetMessageAsync("m1", Ct)).ShouldBe(message);
        (await ScalarAsync("SELECT error_code || ' ' || status FROM messages")).ShouldBe("META_RATE_LIMITED FAILED");
        (await store.GetMessageAsync("absent", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task AddMessageAsync_SameApiKeyAndIdempotencyKey_ReturnsTheFirstMessage()
    {
        var store = await NewStoreAsync();
        var first = Message("m1", "idem-1");
        await store.AddMessageAsync(first, Ct);

        var (stored, created) = await store.AddMessageAsync(Message("m2", "idem-1") with { Text = "again" }, Ct);

        created.ShouldBeFalse();
        stored.ShouldBe(first);
        (await store.GetMessageAsync("m2", Ct)).ShouldBeNull();
        (await ScalarAsync("SELECT COUNT(*) FROM messages")).ShouldBe(1L);
    }

    [Fact]
    public async Task AddMessageAsync_ConcurrentSameIdempotencyKey_CreatesOneRow()
    {
        await NewStoreAsync();

        var results = await RunTogetherAsync(10, i =>
            OpenStore().AddMessageAsync(Message($"m{i}", "idem-1"), Ct));

        results.Count(result => result.Created).ShouldBe(1);
        results.Select(result => result.Message.Id).Distinct().Count().ShouldBe(1);
        (await ScalarAsync("SELECT COUNT(*) FROM messages")).ShouldBe(1L);
    }

    [Fact]
    public async Task AddMessageAsync_SameIdempotencyKeyOtherApiKey_CreatesBoth()
    {
        var store = await NewStoreAsync();

        (await store.AddMessageAsync(Message("m1", "idem-1"), Ct)).Created.ShouldBeTrue();
        (await store.AddMessageAsync(Message("m2", "idem-1") with { ApiKeyId = "k2" }, Ct)).Created.ShouldBeTrue();

        (await ScalarAsync("SELECT COUNT(*) FROM messages")).ShouldBe(2L);
    }

    [Fact]
    public async Task AddMessageAsync_NullIdempotencyKeys_NeverCollide()
    {
        var store = await NewStoreAsync();

        (await store.AddMessageAsync(Message("m1", null), Ct)).Created.ShouldBeTrue();
        (await store.AddMessageAsync(Message("m2", null), Ct)).Created.ShouldBeTrue();

        (await store.GetMessageAsync("m2", Ct)).ShouldNotBeNull().IdempotencyKey.ShouldBeNull();
        (await ScalarAsync("SELECT COUNT(*) FROM messages")).ShouldBe(2L);
    }

    [Fact]
    public async Task TryUpdateMessageAsync_ChangedMutableFields_AreStored()
    {
        var store = await NewStoreAsync();
        var queued = Message("m1", "idem-1");
        await store.AddMessageAsync(queued, Ct);

        var sent = queued with
        {
            ConnectionId = "c1",
            Provider = "baileys",
            Status = MessageStatus.Sent,
            ProviderMessageId = "3EB0ABC",
            Attempts = 1,
            SentAt = T0.AddSeconds(5),
            NextAttemptAt = null,
        };
        (await store.TryUpdateMessageAsync(sent, MessageStatus.Queued, Ct)).ShouldBeTrue();

        (await store.GetMessageAsync("m1", Ct)).ShouldBe(sent);
        (await store.TryUpdateMessageAsync(Message("absent", null), MessageStatus.Queued, Ct)).ShouldBeFalse();
        (await ScalarAsync("SELECT COUNT(*) FROM messages")).ShouldBe(1L);
    }

    [Fact]
    public async Task LeaseDueAsync_MixedStatusesAndTimes_LeasesDueQueuedOldestFirst()
    {
        var store = await NewStoreAsync();
        var now = T0.AddMinutes(10);
        MessageRecord[] messages =
        [
            Message("late", null) with { CreatedAt = T0.AddMinutes(3), NextAttemptAt = now },
            Message("future", null) with { CreatedAt = T0, NextAttemptAt = now.AddMilliseconds(1) },
            Message("sent", null) with { CreatedAt = T0, Status = MessageStatus.Sent, NextAttemptAt = T0 },
            Message("unscheduled", null) with { CreatedAt = T0, NextAttemptAt = null },
            Message("b-early", null) with { CreatedAt = T0.AddMinutes(1), NextAttemptAt = T0.AddMinutes(5) },
            Message("a-early", null) with { CreatedAt = T0.AddMinutes(1), NextAttemptAt = T0.AddMinutes(6) },
        ];
        foreach (var message in messages)
        {
            await store.AddMessageAsync(message, Ct);
        }

        (await store.LeaseDueAsync("a", now, TimeSpan.FromMinutes(1), 2, Ct)).Select(m => m.Id).ShouldBe(["a-early", "b-early"]);
        (await store.LeaseDueAsync("b", now, TimeSpan.FromMinutes(1), 10, Ct)).Select(m => m.Id).ShouldBe(["late"]);
    }

    [Fact]
    public async Task GetMessageAsync_AfterEverythingIsClosed_FindsTheMessage()
    {
        var message = Message("m1", "idem-1");
        await (await NewStoreAsync()).AddMessageAsync(message, Ct);
        ClosePools();

        var reopened = OpenStore();
        await reopened.MigrateAsync(Ct);

        (await reopened.GetMessageAsync("m1", Ct)).ShouldBe(message);
    }

    private static MessageRecord Message(string id, string? idempotencyKey) => new()
    {
        Id = id,
        ApiKeyId = "k1",
        To = "+5511977770000",
        Text = "hello",
        Status = MessageStatus.Queued,
        IdempotencyKey = idempotencyKey,
        CreatedAt = T0,
        DeliverUntil = T0.AddDays(1),
        NextAttemptAt = T0,
    };
}

public sealed class SqliteGatewayStoreMessageTests() : GatewayStoreMessageTests(StoreEngine.Sqlite);

public sealed class PostgresGatewayStoreMessageTests() : GatewayStoreMessageTests(StoreEngine.Postgres);
