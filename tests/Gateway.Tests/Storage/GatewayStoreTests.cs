using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Tests.Storage;

/// <summary>The storage contract, run once per engine (see the sealed classes at the end).</summary>
public abstract class GatewayStoreTests(StoreEngine engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task MigrateAsync_Twice_IsIdempotent()
    {
        var store = await NewStoreAsync();
        await store.MigrateAsync(Ct);

        (await ScalarAsync("SELECT COUNT(*) FROM schema_version")).ShouldBe((long)Steps.Count);
        (await ScalarAsync("SELECT MAX(version) FROM schema_version")).ShouldBe((long)Steps.Count);
        (await store.TryAddConnectionAsync(Connection("c1"), 4, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task GetConnectionAsync_AfterAdd_RoundTripsEveryField()
    {
        var store = await NewStoreAsync();
        var added = Connection("c1") with
        {
            Settings = new Dictionary<string, string> { ["phoneNumberId"] = "1234", ["wabaId"] = "ação \"x\"" },
            ProtectedSecrets = "CfDJ8-protected==",
            TemplateOnly = true,
        };
        (await store.TryAddConnectionAsync(added, 4, Ct)).ShouldBeTrue();

        var loaded = (await store.GetConnectionAsync("c1", Ct)).ShouldNotBeNull();

        loaded.ShouldSatisfyAllConditions(
            () => loaded.Id.ShouldBe("c1"),
            () => loaded.Provider.ShouldBe("meta"),
            () => loaded.Number.ShouldBe("+5511999990000"),
            () => loaded.Settings.ShouldBe(added.Settings, ignoreOrder: true),
            () => loaded.ProtectedSecrets.ShouldBe("CfDJ8-protected=="),
            () => loaded.TemplateOnly.ShouldBeTrue(),
            () => loaded.CreatedAt.ShouldBe(T0));
        (await store.ListConnectionsAsync(Ct)).Select(c => c.Id).ShouldBe(["c1"]);
        (await store.GetConnectionAsync("absent", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task TryAddConnectionAsync_FifthOnOneNumber_IsRefused()
    {
        var store = await NewStoreAsync();
        for (var i = 1; i <= 4; i++)
        {
            (await store.TryAddConnectionAsync(Connection($"c{i}"), 4, Ct)).ShouldBeTrue();
        }

        (await store.TryAddConnectionAsync(Connection("c5"), 4, Ct)).ShouldBeFalse();
        (await store.TryAddConnectionAsync(Connection("other") with { Number = "+5511888880000" }, 4, Ct)).ShouldBeTrue();
        (await store.GetConnectionAsync("c5", Ct)).ShouldBeNull();
        (await ScalarAsync("SELECT COUNT(*) FROM connections")).ShouldBe(5L);
    }

    [Fact]
    public async Task TryAddConnectionAsync_TwentyConcurrentCallers_LeaveExactlyFour()
    {
        await NewStoreAsync();

        var results = await RunTogetherAsync(20, i =>
            OpenStore().TryAddConnectionAsync(Connection($"c{i}"), 4, Ct));

        results.Count(added => added).ShouldBe(4);
        (await ScalarAsync("SELECT COUNT(*) FROM connections WHERE number = '+5511999990000'")).ShouldBe(4L);
    }

    [Fact]
    public async Task DeleteConnectionAsync_WithApiKeys_KeepsTheKeys()
    {
        var store = await NewStoreAsync();
        await store.TryAddConnectionAsync(Connection("c1"), 4, Ct);
        var key = new ApiKeyRecord("k1", "hash-1", "c1", T0);
        await store.AddApiKeyAsync(key, Ct);

        (await store.DeleteConnectionAsync("c1", Ct)).ShouldBeTrue();

        (await store.GetConnectionAsync("c1", Ct)).ShouldBeNull();
        (await store.FindApiKeyByHashAsync("hash-1", Ct)).ShouldBe(key);
        (await store.DeleteConnectionAsync("c1", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task FindApiKeyByHashAsync_KnownAndUnknownHash_ReturnsKeyOrNull()
    {
        var store = await NewStoreAsync();
        await store.AddApiKeyAsync(new ApiKeyRecord("k1", "hash-1", "c1", T0), Ct);
        await store.AddApiKeyAsync(new ApiKeyRecord("k2", "hash-2", "c2", T0.AddMinutes(1)), Ct);

        (await store.FindApiKeyByHashAsync("hash-2", Ct)).ShouldBe(new ApiKeyRecord("k2", "hash-2", "c2", T0.AddMinutes(1)));
        (await store.FindApiKeyByHashAsync("hash-3", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task FindTemplateAsync_ExactNewestOrAbsent_ReturnsThatVersion()
    {
        var store = await NewStoreAsync();
        await store.TryAddConnectionAsync(Connection("c1"), 4, Ct);
        var v1 = new TemplateRecord("c1", "welcome", "pt_BR", "1", "APPROVED", "Olá {{1}}", T0);
        var v3 = v1 with { Version = "3", BodyText = "Oi {{1}}", UpdatedAt = T0.AddHours(2) };
        var v2 = v1 with { Version = "2", BodyText = null, UpdatedAt = T0.AddHours(1) };
        foreach (var template in new[] { v1, v3, v2 })
        {
            await store.UpsertTemplateAsync(template, Ct);
        }

        (await store.FindTemplateAsync("c1", "welcome", "pt_BR", "2", Ct)).ShouldBe(v2);
        (await store.FindTemplateAsync("c1", "welcome", "pt_BR", null, Ct)).ShouldBe(v3);
        (await store.FindTemplateAsync("c1", "welcome", "pt_BR", "9", Ct)).ShouldBeNull();
        (await store.FindTemplateAsync("c1", "welcome", "en_US", null, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task UpsertTemplateAsync_SameVersion_ReplacesIt()
    {
        var store = await NewStoreAsync();
        await store.TryAddConnectionAsync(Connection("c1"), 4, Ct);
        var pending = new TemplateRecord("c1", "welcome", "pt_BR", "1", "PENDING", "Olá", T0);
        await store.UpsertTemplateAsync(pending, Ct);

        var approved = pending with { Status = "APPROVED", UpdatedAt = T0.AddDays(1) };
        await store.UpsertTemplateAsync(approved, Ct);

        (await store.FindTemplateAsync("c1", "welcome", "pt_BR", "1", Ct)).ShouldBe(approved);
        (await ScalarAsync("SELECT COUNT(*) FROM templates")).ShouldBe(1L);
    }

    private static ConnectionRecord Connection(string id) => new()
    {
        Id = id,
        Provider = "meta",
        Number = "+5511999990000",
        Settings = new Dictionary<string, string>(),
        ProtectedSecrets = "secret",
        CreatedAt = T0,
    };
}

public sealed class SqliteGatewayStoreTests() : GatewayStoreTests(StoreEngine.Sqlite)
{
    [Fact]
    public async Task MigrateAsync_NewFile_IsInWalMode()
    {
        await NewStoreAsync();

        (await ScalarAsync("PRAGMA journal_mode")).ShouldBe("wal");
    }
}

public sealed class PostgresGatewayStoreTests() : GatewayStoreTests(StoreEngine.Postgres);
