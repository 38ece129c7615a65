using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using PilotStatus.Gateway.Webhooks;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>
/// Inbound messages kept per (connection, contact) and matched by the id the provider uses, not the number as typed:
/// Meta's wa_id without a Brazilian mobile's ninth digit, Evolution's jids and <c>@lid</c>. That decides 131047.
/// </summary>
public sealed class ContactTrackingTests : IDisposable
{
    private const string AppSecret = "test-app-secret";
    private const string PhoneNumberId = "106540352242922";
    private const string WindowClosed = "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"},\"fbtrace_id\":\"AbCdEf001GhIjKl-MnOpQr\"}}";
    private readonly WireMockServer doubles = WireMockServer.Start();
    private readonly GatewayFactory factory;

    public ContactTrackingTests()
    {
        factory = new GatewayFactory(settings: new Dictionary<string, string?>
        {
            ["Providers:Meta:BaseUrl"] = doubles.Url,
            ["Gateway:Dispatcher:PollInterval"] = "00:00:00.050",
            ["Gateway:Webhooks:Meta:AppSecret"] = AppSecret,
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IGatewayStore Store => factory.Services.GetRequiredService<IGatewayStore>();

    private async Task<MessageRecord> Settled(string id)
    {
        for (var i = 0; i < 200 && (await Store.GetMessageAsync(id, Ct))?.Status == MessageStatus.Queued; i++) await Task.Delay(50, Ct);
        return (await Store.GetMessageAsync(id, Ct)).ShouldNotBeNull();
    }

    // Meta's inbound message webhook: the sender is messages[].from (and contacts[].wa_id), without the ninth digit.
    private static string Inbound(string waId) =>
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15551234567\",\"phone_number_id\":\"" + PhoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + waId + "\"}],"
        + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid.IN1\",\"timestamp\":\"1764840000\",\"text\":{\"body\":\"oi\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";

    private async Task PostMeta(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/meta") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(MetaSignature.Header, MetaSignature.Of(Encoding.UTF8.GetBytes(body), AppSecret));
        (await http.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Meta_InboundFromTheIdWithoutTheNinthDigit_MakesA131047OutsideTheWindow_NeverWroteIsNoConversation()
    {
        doubles.Given(Request.Create().WithPath($"/v23.0/{PhoneNumberId}/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody(WindowClosed));
        var client = new GatewayClient(factory.CreateClient());
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551234567"));
        await PostMeta(client.Http, Inbound("556384622450"));

        var wrote = (await client.SendMessage(key, new { to = "+5563984622450", text = "oi" })).GetProperty("id").GetString()!;
        var never = (await client.SendMessage(key, new { to = "+5511912345678", text = "oi" })).GetProperty("id").GetString()!;

        (await Settled(wrote)).ErrorCode.ShouldBe(ErrorCode.MetaOutside24hWindow);
        (await Settled(never)).ErrorCode.ShouldBe(ErrorCode.MetaNoConversation);
    }

    [Fact]
    public async Task Meta_SendAnsweredWithAnotherWaId_StoresIt_AndInboundFromItIsFound()
    {
        doubles.Given(Request.Create().WithPath($"/v23.0/{PhoneNumberId}/messages").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+5563984622450\",\"wa_id\":\"556384622450\"}],\"messages\":[{\"id\":\"wamid.BR1\"}]}"));
        var client = new GatewayClient(factory.CreateClient());
        var connection = await client.CreateMetaConnection("+15551234567");
        var key = await client.CreateApiKey(connection);
        var id = (await client.SendMessage(key, new { to = "+5563984622450", text = "oi" })).GetProperty("id").GetString()!;

        var sent = await Settled(id);
        sent.ContactId.ShouldBe("556384622450");
        (await Store.LastInboundAsync(connection, [], "+5563984622450", Ct)).ShouldBeNull();

        await PostMeta(client.Http, Inbound("556384622450"));
        (await Store.LastInboundAsync(connection, [], "+5563984622450", Ct)).ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1764840000));
    }

    private static string Failed131047(string wamid, string recipient) =>
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15551234567\",\"phone_number_id\":\"" + PhoneNumberId + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"failed\","
        + "\"timestamp\":\"1764840100\",\"recipient_id\":\"" + recipient + "\",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\","
        + "\"error_data\":{\"details\":\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"}}]}]},\"field\":\"messages\"}]}]}";

    [Fact]
    public async Task Meta_131047ByWebhook_IsNoConversationOnlyForAContactThatNeverWrote()
    {
        foreach (var (number, wamid) in new[] { ("5563984622450", "wamid.WROTE"), ("5511912345678", "wamid.NEVER") })
        {
            doubles.Given(Request.Create().WithPath($"/v23.0/{PhoneNumberId}/messages").UsingPost().WithBody(new WildcardMatcher($"*{number}*")))
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                    .WithBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + number + "\",\"wa_id\":\"" + number + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}"));
        }

        var client = new GatewayClient(factory.CreateClient());
        var key = await client.CreateApiKey(await client.CreateMetaConnection("+15551234567"));
        await PostMeta(client.Http, Inbound("556384622450")); // wrote, from the id without the ninth digit
        var wrote = (await client.SendMessage(key, new { to = "+5563984622450", text = "oi" })).GetProperty("id").GetString()!;
        var never = (await client.SendMessage(key, new { to = "+5511912345678", text = "oi" })).GetProperty("id").GetString()!;
        (await Settled(wrote)).Status.ShouldBe(MessageStatus.Sent);
        (await Settled(never)).Status.ShouldBe(MessageStatus.Sent);

        await PostMeta(client.Http, Failed131047("wamid.WROTE", "556384622450"));
        await PostMeta(client.Http, Failed131047("wamid.NEVER", "5511912345678"));

        (await Store.GetMessageAsync(wrote, Ct))!.ErrorCode.ShouldBe(ErrorCode.MetaOutside24hWindow);
        (await Store.GetMessageAsync(never, Ct))!.ErrorCode.ShouldBe(ErrorCode.MetaNoConversation);
    }

    private async Task<(GatewayClient Client, string Connection, string Key)> Baileys()
    {
        var client = new GatewayClient(factory.CreateClient());
        var created = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "baileys", number = "+5511999990000", serverUrl = doubles.Url, instanceName = "acme", apiKey = "evo-token" });
        var connection = (await GatewayClient.Json(created)).GetProperty("id").GetString()!;
        return (client, connection, await client.CreateApiKey(connection));
    }

    private static string Upsert(string remoteJid, string? remoteJidAlt) =>
        "{\"event\":\"messages.upsert\",\"instance\":\"acme\",\"data\":{\"key\":{\"remoteJid\":\"" + remoteJid + "\"" + (remoteJidAlt is null ? "" : ",\"remoteJidAlt\":\"" + remoteJidAlt + "\"")
        + ",\"fromMe\":false,\"id\":\"3A9F2C1B0E8D7C6B5A49\"},\"pushName\":\"Carlos\",\"message\":{\"conversation\":\"oi\"},\"messageType\":\"conversation\",\"messageTimestamp\":1764840000},"
        + "\"date_time\":\"2026-12-04T12:00:00.000Z\",\"apikey\":\"evo-token\"}";

    private static async Task PostBaileys(GatewayClient client, string connection, string body) =>
        (await client.Http.PostAsync($"/webhooks/baileys/{connection}", new StringContent(body, Encoding.UTF8, "application/json"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Evolution_InboundFromAnLidWithItsPhoneJid_IsFoundByTheNumber_AndBySendsAnsweredWithTheLid()
    {
        doubles.Given(Request.Create().WithPath("/message/sendText/acme").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"key\":{\"remoteJid\":\"69385314111689@lid\",\"fromMe\":true,\"id\":\"BAE5LID1\"},\"status\":\"PENDING\"}"));
        var (client, connection, key) = await Baileys();

        await PostBaileys(client, connection, Upsert("69385314111689@lid", "5511988887777@s.whatsapp.net"));
        (await Store.LastInboundAsync(connection, [], "+5511988887777", Ct)).ShouldBeNull(); // no send named this number yet
        (await Store.LastInboundAsync(connection, ["5511988887777"], null, Ct)).ShouldNotBeNull();

        var id = (await client.SendMessage(key, new { to = "+5511988887777", text = "oi" })).GetProperty("id").GetString()!;
        var sent = await Settled(id);
        sent.ContactId.ShouldBe("69385314111689@lid");
        var history = factory.Services.GetRequiredService<Gateway.Contacts.ContactHistory>();
        (await history.ForMessageAsync(connection, sent, Ct)).ShouldBe(Abstractions.Providers.InboundHistory.Known);
    }

    [Fact]
    public async Task Evolution_SendAnsweredWithoutTheNinthDigit_InboundFromThatJidIsFound()
    {
        doubles.Given(Request.Create().WithPath("/message/sendText/acme").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"key\":{\"remoteJid\":\"556384622450@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE5BR01\"},\"status\":\"PENDING\"}"));
        var (client, connection, key) = await Baileys();
        var id = (await client.SendMessage(key, new { to = "+5563984622450", text = "oi" })).GetProperty("id").GetString()!;
        (await Settled(id)).ContactId.ShouldBe("556384622450");

        await PostBaileys(client, connection, Upsert("556384622450@s.whatsapp.net", null));

        (await Store.LastInboundAsync(connection, [], "+5563984622450", Ct)).ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1764840000));
    }

    public void Dispose()
    {
        factory.Dispose();
        doubles.Stop();
        doubles.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
