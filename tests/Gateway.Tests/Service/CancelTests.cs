using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Dispatch;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary><c>DELETE /v1/messages/cancel</c>: queued messages of the caller's key become CANCELED and are never sent.</summary>
public sealed class CancelTests : IDisposable
{
    private readonly WireMockServer graph = WireMockServer.Start();
    private readonly GatewayFactory factory;

    // The dispatcher looks once at start, then not for a minute: the test decides when it runs.
    public CancelTests() => factory = new GatewayFactory(settings: new Dictionary<string, string?>
    {
        ["Providers:Meta:BaseUrl"] = graph.Url,
        ["Gateway:Dispatcher:PollInterval"] = "00:01:00",
    });

    [Fact]
    public async Task Cancel_QueuedMessage_IsCanceledWithNoCodeAndNeverSent()
    {
        var client = new GatewayClient(factory.CreateClient());
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551230400"));
        var queued = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;
        var failed = (await client.SendMessage(key, new { to = "+12", text = "hi" })).GetProperty("id").GetString()!;

        var answer = await client.Send(HttpMethod.Delete, "/v1/messages/cancel", new { ids = new[] { queued, failed, "msg_unknown" } }, key);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await GatewayClient.Json(answer);
        body.GetProperty("canceled").EnumerateArray().Select(e => e.GetString()).ShouldBe([queued]);
        var refused = body.GetProperty("notCanceled").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("reason").GetString());
        refused[failed].ShouldBe("it is FAILED");
        refused["msg_unknown"].ShouldBe("not found");

        await factory.Services.GetRequiredService<Dispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
        graph.LogEntries.ShouldBeEmpty();
        var view = await GatewayClient.Json(await client.Send(HttpMethod.Get, $"/v1/messages/{queued}", null, key));
        view.GetProperty("status").GetString().ShouldBe("CANCELED");
        view.GetProperty("errorCode").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Cancel_AnotherKeysMessage_IsNotFound()
    {
        var client = new GatewayClient(factory.CreateClient());
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551230401"));
        var other = await client.CreateApiKey(await client.CreateMetaConnection("+15551230402"));
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;

        var body = await GatewayClient.Json(await client.Send(HttpMethod.Delete, "/v1/messages/cancel", new { ids = new[] { id } }, other));
        body.GetProperty("notCanceled")[0].GetProperty("reason").GetString().ShouldBe("not found");
    }

    public void Dispose()
    {
        factory.Dispose();
        graph.Stop();
        graph.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
