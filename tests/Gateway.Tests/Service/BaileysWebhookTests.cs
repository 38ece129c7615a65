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
        factory = new GatewayFactory(settings: new Dictionary<string, string?>
        {
            ["Gateway:Dispatcher:PollInterval"] = "00:00:00.050",
            ["Gateway:Dispatcher:ConnectionDownRecheck"] = "00:00:00.100",
            ["Gateway:Webhooks:Baileys:SecretHeader"] = "Authorization-Evolution",
        });
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
        (await factory.Services.GetRequiredService<IGatewayStore>().GetConnectionAsync(connection, TestContext.Current.CancellationToken))!
            .State.ShouldBe(Connections.ConnectionState.Removed);
    }

    private static string ConnectionUpdate(string state, int reason) =>
        "{\"event\":\"connection.update\",\"instance\":\"acme\",\"data\":{\"instance\":\"acme\",\"state\":\"" + state + "\",\"statusReason\":" + reason
        + "},\"date_time\":\"2026-12-04T12:00:00.000Z\",\"apikey\":\"evo-instance-token\"}";

    [Fact]
    public async Task ConnectionClosed_KeepsMessagesQueuedUnattempted_UntilItOpensAgain()
    {
        var (client, connection, key) = await Baileys(evolution.Url!, "acme", "evo-instance-token");
        (await Post(client, connection, ConnectionUpdate("close", 428))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "oi" })).GetProperty("id").GetString()!;

        // Several dispatcher looks (every 50 ms, rechecks every 100 ms) pass while the connection is down.
        await Task.Delay(600, TestContext.Current.CancellationToken);
        (await Stored(id))!.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Queued), m => m.Attempts.ShouldBe(0));
        evolution.LogEntries.ShouldBeEmpty();

        (await Post(client, connection, ConnectionUpdate("open", 200))).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 200 && (await Stored(id))?.Status != MessageStatus.Sent; i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        (await Stored(id))!.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Sent), m => m.Attempts.ShouldBe(1));
    }

    [Fact]
    public async Task ConfiguredHeader_CarriesTheKey_WhenTheBodyHasNone()
    {
        var (client, connection, _) = await Baileys(evolution.Url!, "acme", "evo-instance-token");
        var body = ConnectionUpdate("close", 428).Replace(",\"apikey\":\"evo-instance-token\"", "", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/baileys/{connection}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Authorization-Evolution", "evo-instance-token");

        (await client.Http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post(client, connection, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.Services.GetRequiredService<IGatewayStore>().GetConnectionAsync(connection, TestContext.Current.CancellationToken))!
            .State.ShouldBe(Connections.ConnectionState.Down);
    }

    [Fact]
    public async Task Malformed_Authenticated_Is400()
    {
        var (client, connection, _) = await Baileys(evolution.Url!, "acme", "evo-instance-token");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/baileys/{connection}") { Content = new StringContent("{\"apikey\":\"evo-instance-token\"}", Encoding.UTF8, "application/json") };

        var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Not an Evolution webhook body");
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
