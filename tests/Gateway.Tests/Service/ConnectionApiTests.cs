using System.Net;

namespace PilotStatus.Gateway.Tests.Service;

public sealed class ConnectionApiTests : IDisposable
{
    private readonly GatewayFactory factory = new();

    private GatewayClient Client() => new(factory.CreateClient());

    [Fact]
    public async Task Healthz_Answers200() =>
        (await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-token-0000000")]
    public async Task Connections_WithoutAdminToken_Is401Problem(string? token)
    {
        var response = await Client().Send(HttpMethod.Get, "/v1/connections", null, token);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("UNAUTHORIZED");
    }

    [Fact]
    public async Task Create_MetaConnection_NeverReturnsOrStoresTheTokenInClear()
    {
        var client = Client();
        var response = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "meta", number = "+15551230000", phoneNumberId = "106540352242922", wabaId = "102290129340398", systemToken = "EAAG-system-token-secret" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("EAAG-system-token-secret");
        var list = await (await client.Admin(HttpMethod.Get, "/v1/connections")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        list.ShouldContain("106540352242922");
        list.ShouldNotContain("EAAG-system-token-secret");
        factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
            System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)).ShouldNotContain("EAAG-system-token-secret");
    }

    [Theory]
    [InlineData("{\"provider\":\"meta\",\"number\":\"+15551230000\"}")]
    [InlineData("{\"provider\":\"twilio\",\"number\":\"+15551230000\"}")]
    [InlineData("{\"provider\":\"baileys\",\"number\":\"+5511999990000\",\"serverUrl\":\"ftp://x\",\"instanceName\":\"a\",\"apiKey\":\"k\"}")]
    [InlineData("{\"provider\":\"meta\",\"number\":\"12\",\"phoneNumberId\":\"1\",\"wabaId\":\"2\",\"systemToken\":\"t\"}")]
    [InlineData("{not json")]
    public async Task Create_InvalidBody_Is400ProblemWithCode(string body)
    {
        var response = await Client().Admin(HttpMethod.Post, "/v1/connections", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("INVALID_REQUEST");
    }

    [Fact]
    public async Task Create_FifthConnectionForOneNumber_Is409NumberConnectionLimitReached()
    {
        var client = Client();
        for (var i = 0; i < 4; i++) await client.CreateMetaConnection("+15551230001");
        var fifth = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "baileys", number = "+15551230001", serverUrl = "http://127.0.0.1:8080", instanceName = "acme", apiKey = "k" });
        fifth.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        fifth.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await GatewayClient.Json(fifth)).GetProperty("code").GetString().ShouldBe("NUMBER_CONNECTION_LIMIT_REACHED");
    }

    [Fact]
    public async Task Create_ConcurrentRequestsForOneNumber_NeverExceedFour()
    {
        var client = Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "meta", number = "+15551230002", phoneNumberId = "1", wabaId = "2", systemToken = "t" })));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(4);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(8);
    }

    [Fact]
    public async Task ApiKey_ForUnknownConnection_Is404Problem()
    {
        var response = await Client().Admin(HttpMethod.Post, "/v1/api-keys", new { connectionId = "con_missing" });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemWithCode()
    {
        var response = await factory.CreateClient().GetAsync("/v1/nope", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("NOT_FOUND");
    }

    public void Dispose()
    {
        factory.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
