using System.Net;
using System.Text.Json;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary><c>GET /api/logs</c> and its summary: filters, cursor paging, key scoping, derived codes.</summary>
public sealed class LogsApiTests : IDisposable
{
    // No dispatcher pass after start: every message keeps the status the pre-send checks gave it.
    private readonly GatewayFactory factory = new(settings: new Dictionary<string, string?> { ["Gateway:Dispatcher:PollInterval"] = "00:01:00", ["Providers:Meta:BaseUrl"] = "http://127.0.0.1:9" });

    private async Task<(GatewayClient Client, string Key, string Other)> Seed()
    {
        var client = new GatewayClient(factory.CreateClient());
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551230500", templateOnly: true));
        var other = await client.CreateApiKey(await client.CreateMetaConnection("+15551230501"));
        await client.SendMessage(key, new { to = "+12", text = "a" });                       // INVALID_DESTINATION
        await client.SendMessage(key, new { to = "+5511987654321", text = "b" });            // FREE_FORM_NOT_SUPPORTED
        await client.SendMessage(key, new { to = "+5511987654322", text = "c" });            // FREE_FORM_NOT_SUPPORTED
        await client.SendMessage(key, new { to = "+5511987654323", template = new { name = "none", language = "en_US" } }); // TEMPLATE_VERSION_NOT_FOUND
        await client.SendMessage(other, new { to = "+5511987654324", text = "d" });          // QUEUED
        return (client, key, other);
    }

    private static async Task<JsonElement> Get(GatewayClient client, string path, string bearer)
    {
        var response = await client.Send(HttpMethod.Get, path, null, bearer);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await GatewayClient.Json(response);
    }

    [Fact]
    public async Task Logs_KeySeesOnlyItsOwn_AdminSeesAll_NewestFirst()
    {
        var (client, key, _) = await Seed();
        var mine = (await Get(client, "/api/logs", key)).GetProperty("items");
        mine.GetArrayLength().ShouldBe(4);
        var created = mine.EnumerateArray().Select(i => i.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        created.ShouldBe(created.OrderByDescending(t => t).ToList());
        mine.EnumerateArray().Select(i => i.GetProperty("errorCode").GetString()).ShouldBe(
            ["TEMPLATE_VERSION_NOT_FOUND", "FREE_FORM_NOT_SUPPORTED", "FREE_FORM_NOT_SUPPORTED", "INVALID_DESTINATION"], ignoreOrder: true);
        (await Get(client, "/api/logs", GatewayFactory.AdminToken)).GetProperty("items").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Logs_FiltersAndCursorPaging_WalkEveryMatchOnce()
    {
        var (client, key, _) = await Seed();
        var filtered = (await Get(client, "/api/logs?errorCode=FREE_FORM_NOT_SUPPORTED", key)).GetProperty("items");
        filtered.GetArrayLength().ShouldBe(2);
        (await Get(client, "/api/logs?status=queued", GatewayFactory.AdminToken)).GetProperty("items").GetArrayLength().ShouldBe(1);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Get(client, "/api/logs?limit=3" + (cursor is null ? "" : "&cursor=" + cursor), GatewayFactory.AdminToken);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        seen.Count.ShouldBe(5);
        seen.Distinct().Count().ShouldBe(5);
    }

    [Theory]
    [InlineData("/api/logs?errorCode=RATE_LIMITED")]
    [InlineData("/api/logs?status=LOST")]
    [InlineData("/api/logs?limit=0")]
    [InlineData("/api/logs?cursor=@@@")]
    [InlineData("/api/logs?from=yesterday")]
    public async Task Logs_BadQuery_Is400Problem(string path)
    {
        var (client, key, _) = await Seed();
        var response = await client.Send(HttpMethod.Get, path, null, key);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("INVALID_REQUEST");
    }

    [Fact]
    public async Task Summary_CountsFailuresPerCode()
    {
        var (client, key, _) = await Seed();
        var summary = await Get(client, "/api/logs/summary", key);
        summary.GetProperty("total").GetInt32().ShouldBe(4);
        var byCode = summary.GetProperty("byCode").EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!, e => e.GetProperty("count").GetInt32());
        byCode["FREE_FORM_NOT_SUPPORTED"].ShouldBe(2);
        byCode["INVALID_DESTINATION"].ShouldBe(1);
        byCode["TEMPLATE_VERSION_NOT_FOUND"].ShouldBe(1);
    }

    [Fact]
    public async Task Logs_WithoutCredentials_Is401() =>
        (await new GatewayClient(factory.CreateClient()).Send(HttpMethod.Get, "/api/logs", null, "nope")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    public void Dispose()
    {
        factory.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
