using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using PilotStatus.Gateway.Webhooks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary><c>/webhooks/meta</c>: the handshake, the signature over raw bytes, and statuses that only move forward.</summary>
public sealed class MetaWebhookTests : IDisposable
{
    private const string AppSecret = "test-app-secret";
    private const string Wamid = "wamid.HBgMNTUxMTk4NzY1NDMyMRUCABEYEkI";
    private readonly WireMockServer graph = WireMockServer.Start();
    private readonly GatewayFactory factory;

    public MetaWebhookTests()
    {
        factory = new GatewayFactory(settings: new Dictionary<string, string?>
        {
            ["Providers:Meta:BaseUrl"] = graph.Url,
            ["Gateway:Dispatcher:PollInterval"] = "00:00:00.050",
            ["Gateway:Webhooks:Meta:VerifyToken"] = "verify-me",
            ["Gateway:Webhooks:Meta:AppSecret"] = AppSecret,
        });
        graph.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost())
            .RespondWith(Response.Create().WithBody($"{{\"messaging_product\":\"whatsapp\",\"contacts\":[{{\"input\":\"+5511987654321\",\"wa_id\":\"5511987654321\"}}],\"messages\":[{{\"id\":\"{Wamid}\"}}]}}"));
    }

    private static string Status(string status, string? errors = null) =>
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15551234567\",\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":\"" + Wamid + "\",\"status\":\"" + status
        + "\",\"timestamp\":\"1764840000\",\"recipient_id\":\"5511987654321\"" + (errors is null ? "" : ",\"errors\":" + errors) + "}]},\"field\":\"messages\"}]}]}";

    private static string Sign(string body, string secret = AppSecret) =>
        MetaSignature.Of(Encoding.UTF8.GetBytes(body), secret);

    private async Task<HttpResponseMessage> Post(HttpClient http, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/meta") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<(HttpClient Http, string Id)> SentMessage()
    {
        var client = new GatewayClient(factory.CreateClient());
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551234567"));
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;
        for (var i = 0; i < 200 && (await Stored(id))?.Status != MessageStatus.Sent; i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        (await Stored(id)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Sent);
        return (client.Http, id);
    }

    private Task<MessageRecord?> Stored(string id) => factory.Services.GetRequiredService<IGatewayStore>().GetMessageAsync(id, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("verify-me", HttpStatusCode.OK)]
    [InlineData("wrong", HttpStatusCode.Forbidden)]
    public async Task Handshake_AnswersTheChallengeOnlyForTheToken(string token, HttpStatusCode expected)
    {
        var response = await factory.CreateClient().GetAsync($"/webhooks/meta?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK) (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("1158201444");
    }

    [Fact]
    public async Task Delivered_Signed_MovesForwardAndNeverBack()
    {
        var (http, id) = await SentMessage();
        (await Post(http, Status("delivered"), Sign(Status("delivered")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stored(id))!.Status.ShouldBe(MessageStatus.Delivered);

        (await Post(http, Status("delivered"), Sign(Status("delivered")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post(http, Status("sent"), Sign(Status("sent")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var failed = Status("failed", "[{\"code\":131026,\"title\":\"Message undeliverable\"}]");
        (await Post(http, failed, Sign(failed))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stored(id))!.ShouldSatisfyAllConditions(m => m.Status.ShouldBe(MessageStatus.Delivered), m => m.ErrorCode.ShouldBeNull());
    }

    [Fact]
    public async Task Failed_Signed_EndsWithTheMappedCode()
    {
        var (http, id) = await SentMessage();
        var failed = Status("failed", "[{\"code\":131026,\"title\":\"Message undeliverable\",\"message\":\"Message undeliverable\",\"error_data\":{\"details\":\"Message Undeliverable.\"}}]");
        (await Post(http, failed, Sign(failed))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stored(id))!.ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Failed), m => m.ErrorCode.ShouldBe(Abstractions.Errors.ErrorCode.WhatsappNotExist), m => m.ProviderCode.ShouldBe("131026"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=00")]
    [InlineData("not-a-signature")]
    public async Task Unsigned_Or_Forged_Is401AndChangesNothing(string? signature)
    {
        var (http, id) = await SentMessage();
        var forged = Status("delivered");
        var response = await Post(http, forged, signature);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Post(http, forged, Sign(forged, "another-secret"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Stored(id))!.Status.ShouldBe(MessageStatus.Sent);
    }

    [Fact]
    public async Task UnknownMessage_IsKeptForReconciliation_NotDropped()
    {
        var http = factory.CreateClient();
        var body = Status("delivered").Replace(Wamid, "wamid.UNKNOWN", StringComparison.Ordinal);
        (await Post(http, body, Sign(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var kept = await factory.Services.GetRequiredService<IGatewayStore>().UnmatchedEventsAsync("meta", 10, TestContext.Current.CancellationToken);
        kept.ShouldHaveSingleItem().ShouldBe(("wamid.UNKNOWN", (string?)null, "delivered"));
    }

    [Fact]
    public async Task KeptEvent_ForAWamidTheSendLaterAnswers_IsReconciledOntoTheMessage()
    {
        // Meta may call back before the send's own answer is stored: the delivered status is kept, then applied.
        var http = factory.CreateClient();
        (await Post(http, Status("delivered"), Sign(Status("delivered")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var store = factory.Services.GetRequiredService<IGatewayStore>();
        (await store.UnmatchedEventsAsync("meta", 10, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();

        var client = new GatewayClient(http);
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551234567"));
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString()!;
        for (var i = 0; i < 200 && (await Stored(id))?.Status is MessageStatus.Queued or MessageStatus.Sent; i++) await Task.Delay(50, TestContext.Current.CancellationToken);

        (await Stored(id))!.ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Delivered), m => m.DeliveredAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1764840000)));
        (await store.UnmatchedEventsAsync("meta", 10, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_Signed_Is400()
    {
        var http = factory.CreateClient();
        const string body = "{\"hello\":\"world\"}";
        (await Post(http, body, Sign(body))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    public void Dispose()
    {
        factory.Dispose();
        graph.Stop();
        graph.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
