using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary><c>/webhooks/baileys/{connectionId}</c>: authenticated by the connection's Evolution key; acks and removals applied.</summary>
public sealed class BaileysWebhookTests : IDisposable
{
    private readonly WireMockServer evolution = WireMockServer.Start();
    private readonly GatewayFactory factory;

    public BaileysWebhookTests()
    {
        factory = new GatewayFactory(settings: new Dictionary<string, string?> { ["Gateway:Dispatcher:PollInterval"] = "00:00:00.050" });
        evolution.Given(Request.Create().WithPath("/message/sendText/acme").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"key\":{\"remoteJid\":\"5511987654321@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE5F00D\"},\"status\":\"PENDING\"}"));
    }

    private async Task<(GatewayClient Client, string Connection, string Key)> Baileys(string serverUrl, string instance, string evolutionKey)
    {
        var client = new GatewayClient(factory.CreateClient());
        var created = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "baileys", number = "+5511999990000", serverUrl, instanceName = instance, apiKey = evolutionKey });
        var connection = (await GatewayClient.Json(created)).GetProperty("id").GetString()!;
        return (client, connection, await client.CreateApiKey(connection));
    }

    private Task<MessageRecord?> Stored(string id) => factory.Services.GetRequiredService<IGatewayStore>().GetMessageAsync(id, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> Post(GatewayClient client, string connection, string body) =>
        client.Http.PostAsync($"/webhooks/baileys/{connection}", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static string Ack(string status, string apikey) =>
        "{\"event\":\"messages.update\",\"instance\":\"acme\",\"data\":{\"keyId\":\"BAE5F00D\",\"remoteJid\":\"5511987654321@s.whatsapp.net\",\"fromMe\":true,\"status\":\""
        + status + "\"},\"date_time\":\"2026-12-04T12:00:00.000Z\",\"apikey\":\"" + apikey + "\"}";

    [Fact]
    public async Task Ack_WithTheConnectionsKey_DeliversTheMessage_WrongKeyChangesNothing()
    {
        var (client, connection, key) = await Baileys(evolution.Url!, "acme", "evo-instance-token");
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "oi" })).GetProperty("id").GetString()!;
        for (var i = 0; i < 200 && (await Stored(id))?.Status != MessageStatus.Sent; i++) await Task.Delay(50, TestContext.Current.CancellationToken);

        (await Post(client, connection, Ack("DELIVERY_ACK", "forged"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Stored(id))!.Status.ShouldBe(MessageStatus.Sent);
        (await Post(client, connection, Ack("DELIVERY_ACK", "evo-instance-token"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stored(id))!.Status.ShouldBe(MessageStatus.Delivered);
        (await Post(client, connection, Ack("SERVER_ACK", "evo-instance-token"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stored(id))!.Status.ShouldBe(MessageStatus.Delivered);
    }

    [Fact]
    public async Task LogoutInstance_FailsTheConnectionsQueuedMessagesAsRemoved()
    {
        // A server nothing listens on: the message never leaves and stays queued.
        var (client, connection, key) = await Baileys("http://127.0.0.1:9", "gone", "evo-gone-token");
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "oi" })).GetProperty("id").GetString()!;

        var logout = "{\"event\":\"logout.instance\",\"instance\":\"gone\",\"data\":null,\"date_time\":\"2026-12-04T12:00:00.000Z\",\"apikey\":\"evo-gone-token\"}";
        (await Post(client, connection, logout)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stored(id))!.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Failed), m => m.ErrorCode.ShouldBe(ErrorCode.NumberNotFoundRemoved));
    }

    [Fact]
    public async Task UnknownConnection_Is404()
    {
        var client = new GatewayClient(factory.CreateClient());
        (await Post(client, "con_missing", Ack("READ", "x"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        factory.Dispose();
        evolution.Stop();
        evolution.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
