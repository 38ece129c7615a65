using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>Sync with Meta and Baileys template registration, feeding the pre-send template checks.</summary>
public sealed class TemplateApiTests : IDisposable
{
    private readonly WireMockServer graph = WireMockServer.Start();
    private readonly GatewayFactory factory;

    public TemplateApiTests()
    {
        factory = new GatewayFactory(settings: new Dictionary<string, string?> { ["Providers:Meta:BaseUrl"] = graph.Url, ["Providers:Meta:ReadRetries"] = "0" });
        graph.Given(Request.Create().WithPath("/v23.0/102290129340398").UsingGet())
            .RespondWith(Response.Create().WithBody("{\"id\":\"102290129340398\",\"name\":\"Acme\",\"currency\":\"USD\",\"timezone_id\":\"1\"}"));
        graph.Given(Request.Create().WithPath("/v23.0/102290129340398/message_templates").UsingGet()).RespondWith(Response.Create().WithBody(
            "{\"data\":[{\"id\":\"1\",\"name\":\"welcome\",\"language\":\"en_US\",\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{1}}\"}]},"
            + "{\"id\":\"2\",\"name\":\"promo_spring\",\"language\":\"en_US\",\"status\":\"PAUSED\",\"category\":\"MARKETING\",\"components\":[{\"type\":\"BODY\",\"text\":\"Sale\"}]}],"
            + "\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}"));
    }

    [Fact]
    public async Task Sync_ThenSendTemplates_ApprovedQueuesPausedFails()
    {
        var client = new GatewayClient(factory.CreateClient());
        var connection = await client.CreateMetaConnection("+15551230100");
        var sync = await client.Admin(HttpMethod.Post, $"/v1/connections/{connection}/sync");
        sync.StatusCode.ShouldBe(HttpStatusCode.OK, await sync.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await GatewayClient.Json(sync)).GetProperty("templates").GetArrayLength().ShouldBe(2);

        var key = await client.CreateApiKey(connection);
        (await client.SendMessage(key, new { to = "+5511987654321", template = new { name = "welcome", language = "en_US", parameters = new[] { "Ana" } } }))
            .GetProperty("status").GetString().ShouldBe("QUEUED");
        (await client.SendMessage(key, new { to = "+5511987654321", template = new { name = "promo_spring", language = "en_US" } }))
            .GetProperty("errorCode").GetString().ShouldBe("META_TEMPLATE_NOT_APPROVED");
    }

    [Fact]
    public async Task Sync_WabaNotAccessible_Is502ProblemWithTheCode()
    {
        graph.Given(Request.Create().WithPath("/v23.0/999000111").UsingGet()).RespondWith(Response.Create().WithStatusCode(400).WithBody(
            "{\"error\":{\"message\":\"Unsupported get request. Object with ID '999000111' does not exist, cannot be loaded due to missing permissions, or does not support this operation.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"A1\"}}"));
        var client = new GatewayClient(factory.CreateClient());
        var created = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "meta", number = "+15551230101", phoneNumberId = "1", wabaId = "999000111", systemToken = "t" });
        var connection = (await GatewayClient.Json(created)).GetProperty("id").GetString();

        var sync = await client.Admin(HttpMethod.Post, $"/v1/connections/{connection}/sync");
        sync.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var problem = await GatewayClient.Json(sync);
        problem.GetProperty("code").GetString().ShouldBe("META_WABA_NOT_ACCESSIBLE");
        problem.GetProperty("detail").GetString()!.ShouldContain("100/33");
    }

    [Fact]
    public async Task RegisterBaileysTemplate_ThenSendIt_QueuesAndUnknownVersionFails()
    {
        var client = new GatewayClient(factory.CreateClient());
        var created = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "baileys", number = "+5511999990000", serverUrl = "http://127.0.0.1:9", instanceName = "acme", apiKey = "k" });
        var connection = (await GatewayClient.Json(created)).GetProperty("id").GetString()!;
        (await client.Admin(HttpMethod.Post, $"/v1/connections/{connection}/templates", new { name = "order", language = "pt_BR", version = "2", body = "Pedido {{1}} enviado" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var key = await client.CreateApiKey(connection);
        (await client.SendMessage(key, new { to = "+5511987654321", template = new { name = "order", language = "pt_BR", version = "2", parameters = new[] { "4821" } } }))
            .GetProperty("status").GetString().ShouldBe("QUEUED");
        (await client.SendMessage(key, new { to = "+5511987654321", template = new { name = "order", language = "pt_BR", version = "3" } }))
            .GetProperty("errorCode").GetString().ShouldBe("TEMPLATE_VERSION_NOT_FOUND");
    }

    public void Dispose()
    {
        factory.Dispose();
        graph.Stop();
        graph.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
