using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>The dispatcher end to end: the real app, the real Meta client, a WireMock Graph double.</summary>
public sealed class DispatchTests : IDisposable
{
    private readonly WireMockServer graph = WireMockServer.Start();
    private readonly GatewayFactory factory;

    public DispatchTests() => factory = new GatewayFactory(settings: new Dictionary<string, string?>
    {
        ["Providers:Meta:BaseUrl"] = graph.Url,
        ["Providers:Meta:SendTimeout"] = "00:00:02",
        ["Gateway:Dispatcher:PollInterval"] = "00:00:00.050",
        ["Gateway:Dispatcher:BaseBackoff"] = "00:00:00.200",
        ["Gateway:Dispatcher:MaxBackoff"] = "00:00:00.500",
        ["Gateway:Dispatcher:MetaPairSpacing"] = "00:00:00",
    });

    private const string Wamid = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+5511987654321\",\"wa_id\":\"15557654321\"}],\"messages\":[{\"id\":\"wamid.HBgLMTU1NTc2NTQzMjEVAgARGBI\"}]}";

    private async Task<(GatewayClient Client, string Key)> Sender()
    {
        var client = new GatewayClient(factory.CreateClient());
        var connection = await client.CreateMetaConnection("+15551234567");
        return (client, await client.CreateApiKey(connection));
    }

    private async Task<MessageRecord> WaitFor(string id, Func<MessageRecord, bool> done)
    {
        var store = factory.Services.GetRequiredService<IGatewayStore>();
        for (var i = 0; i < 200; i++)
        {
            var message = await store.GetMessageAsync(id, TestContext.Current.CancellationToken);
            if (message is not null && done(message)) return message;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return (await store.GetMessageAsync(id, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Dispatch_Accepted_GoesQueuedToSentWithWamid()
    {
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Wamid));
        var (client, key) = await Sender();
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;

        var message = await WaitFor(id, m => m.Status != MessageStatus.Queued);
        message.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Sent), m => m.ProviderMessageId.ShouldBe("wamid.HBgLMTU1NTc2NTQzMjEVAgARGBI"), m => m.Attempts.ShouldBe(1));
        var sent = graph.LogEntries.Single().RequestMessage!.Body!;
        sent.ShouldContain($"\"biz_opaque_callback_data\":\"{id}\"");
    }

    [Fact]
    public async Task Dispatch_RateLimitedThenAccepted_IsSentOnTheSecondAttempt()
    {
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost()).InScenario("pair").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":{\"message\":\"(#131056) Pair rate limit hit\",\"type\":\"OAuthException\",\"code\":131056,\"fbtrace_id\":\"A1\"}}"));
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost()).InScenario("pair").WhenStateIs("limited")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Wamid));
        var (client, key) = await Sender();
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;

        var message = await WaitFor(id, m => m.Status != MessageStatus.Queued);
        message.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Sent), m => m.Attempts.ShouldBe(2));
    }

    [Fact]
    public async Task Dispatch_NotOnWhatsapp_FailsAtOnceWithItsCode()
    {
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":{\"message\":\"(#131026) Message undeliverable\",\"type\":\"OAuthException\",\"code\":131026,\"fbtrace_id\":\"A2\"}}"));
        var (client, key) = await Sender();
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;

        var message = await WaitFor(id, m => m.Status != MessageStatus.Queued);
        message.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Failed), m => m.ErrorCode.ShouldBe(Abstractions.Errors.ErrorCode.WhatsappNotExist), m => m.ProviderCode.ShouldBe("131026"), m => m.Attempts.ShouldBe(1));
        var view = await GatewayClient.Json(await client.Send(HttpMethod.Get, $"/v1/messages/{id}", null, key));
        view.GetProperty("errorCode").GetString().ShouldBe("WHATSAPP_NOT_EXIST");
    }

    [Fact]
    public async Task Dispatch_NoAnswerBeforeTimeout_IsNeverSentTwice()
    {
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(6)).WithBody(Wamid));
        var (client, key) = await Sender();
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;

        var message = await WaitFor(id, m => m.Attempts > 0 && m.ErrorCode is not null);
        message.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Queued), m => m.Attempts.ShouldBe(1), m => m.NextAttemptAt.ShouldBeNull());
        // WireMock logs a request when its delayed answer is written; wait for it, then for any second one.
        int Sends() => graph.LogEntries.Count(e => e.RequestMessage!.Path.EndsWith("/messages", StringComparison.Ordinal));
        for (var i = 0; i < 200 && Sends() == 0; i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Sends().ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_ManyToOneRecipientAmongOthers_SendsThatRecipientsMessagesInOrder()
    {
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost()).RespondWith(Response.Create().WithBody(Wamid));
        var (client, key) = await Sender();
        var ids = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            // Every third message to one recipient, the rest to others: sends run side by side, that lane in order.
            var to = i % 3 == 0 ? "+5511987654321" : $"+55119876{i:D5}";
            ids.Add((await client.SendMessage(key, new { to, text = $"n{i:D2}" })).GetProperty("id").GetString()!);
        }

        foreach (var id in ids) (await WaitFor(id, m => m.Status == MessageStatus.Sent)).Status.ShouldBe(MessageStatus.Sent);

        var toOne = graph.LogEntries.Select(e => e.RequestMessage!.Body!).Where(b => b.Contains("5511987654321", StringComparison.Ordinal))
            .Select(b => System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("text").GetProperty("body").GetString()).ToList();
        toOne.ShouldBe(Enumerable.Range(0, 8).Select(i => $"n{i * 3:D2}"));
    }

    public void Dispose()
    {
        factory.Dispose();
        graph.Stop();
        graph.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
