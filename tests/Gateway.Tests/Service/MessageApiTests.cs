using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Tests.Service;

public sealed class MessageApiTests : IDisposable
{
    private const string PlatformNumber = "+5521987654321";
    private readonly GatewayFactory factory = new(settings: new Dictionary<string, string?>
    {
        ["Gateway:PlatformNumber"] = PlatformNumber,
        ["Gateway:PlatformConnectionId"] = "con_platform",
    });

    private GatewayClient Client() => new(factory.CreateClient());

    private async Task<(GatewayClient Client, string Key, string ConnectionId)> MetaSender(bool templateOnly = false)
    {
        var client = Client();
        var connection = await client.CreateMetaConnection("+15551239" + Random.Shared.Next(100, 999), templateOnly);
        return (client, await client.CreateApiKey(connection), connection);
    }

    [Fact]
    public async Task Send_ValidText_IsStoredQueuedBeforeTheAnswer()
    {
        var (client, key, connection) = await MetaSender();
        var answer = await client.SendMessage(key, new { to = "+5563984622450", text = "Olá" });
        answer.GetProperty("status").GetString().ShouldBe("QUEUED");
        var id = answer.GetProperty("id").GetString()!;

        var stored = await factory.Services.GetRequiredService<IGatewayStore>().GetMessageAsync(id, TestContext.Current.CancellationToken);
        stored.ShouldNotBeNull().ShouldSatisfyAllConditions(
            m => m.ConnectionId.ShouldBe(connection),
            m => m.To.ShouldBe("+5563984622450"),
            m => m.DeliverUntil.ShouldBe(m.CreatedAt.AddDays(7)));
        var view = await GatewayClient.Json(await client.Send(HttpMethod.Get, $"/v1/messages/{id}", null, key));
        view.GetProperty("status").GetString().ShouldBe("QUEUED");
        view.GetProperty("provider").GetString().ShouldBe("meta");
    }

    [Fact]
    public async Task Send_SameIdempotencyKey_ReturnsTheFirstMessage()
    {
        var (client, key, _) = await MetaSender();
        var first = await client.SendMessage(key, new { to = "+5511987654321", text = "one", idempotencyKey = "order-4821" });
        var again = await client.SendMessage(key, new { to = "+5511987654321", text = "one", idempotencyKey = "order-4821" });
        again.GetProperty("id").GetString().ShouldBe(first.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("not-a-number", "INVALID_DESTINATION")]
    [InlineData("+1555", "INVALID_DESTINATION")]
    [InlineData("0015557654321", "INVALID_DESTINATION")]
    public async Task Send_InvalidDestination_IsStoredFailedWithCode(string to, string code)
    {
        var (client, key, _) = await MetaSender();
        var answer = await client.SendMessage(key, new { to, text = "x" });
        answer.GetProperty("status").GetString().ShouldBe("FAILED");
        answer.GetProperty("errorCode").GetString().ShouldBe(code);
        var id = answer.GetProperty("id").GetString()!;
        (await factory.Services.GetRequiredService<IGatewayStore>().GetMessageAsync(id, TestContext.Current.CancellationToken))!.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Send_UnregisteredTemplate_IsTemplateVersionNotFound()
    {
        var (client, key, _) = await MetaSender();
        var answer = await client.SendMessage(key, new { to = "+5511987654321", template = new { name = "order_update", language = "en_US", version = "3" } });
        answer.GetProperty("errorCode").GetString().ShouldBe("TEMPLATE_VERSION_NOT_FOUND");
    }

    [Fact]
    public async Task Send_TextOnTemplateOnlyConnection_IsFreeFormNotSupported()
    {
        var (client, key, _) = await MetaSender(templateOnly: true);
        (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("errorCode").GetString().ShouldBe("FREE_FORM_NOT_SUPPORTED");
    }

    [Fact]
    public async Task Send_MetaTemplateNotApprovedAtLastSync_IsMetaTemplateNotApproved()
    {
        var (client, key, connection) = await MetaSender();
        await factory.Services.GetRequiredService<IGatewayStore>().UpsertTemplateAsync(
            new TemplateRecord(connection, "promo", "en_US", "a1b2c3", "PAUSED", "Hi {{1}}", DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        (await client.SendMessage(key, new { to = "+5511987654321", template = new { name = "promo", language = "en_US", parameters = new[] { "Ana" } } }))
            .GetProperty("errorCode").GetString().ShouldBe("META_TEMPLATE_NOT_APPROVED");
    }

    [Fact]
    public async Task Send_ToPlatformNumberOnPlatformConnection_IsPilotSelfNumber()
    {
        var client = Client();
        var secrets = factory.Services.GetRequiredService<ConnectionSecrets>();
        await factory.Services.GetRequiredService<IGatewayStore>().TryAddConnectionAsync(new ConnectionRecord
        {
            Id = "con_platform",
            Provider = "meta",
            Number = PlatformNumber,
            Settings = new Dictionary<string, string> { ["phoneNumberId"] = "1", ["wabaId"] = "2" },
            ProtectedSecrets = secrets.Protect(new Dictionary<string, string> { ["systemToken"] = "t" }),
            CreatedAt = DateTimeOffset.UtcNow,
        }, 4, TestContext.Current.CancellationToken);
        var key = await client.CreateApiKey("con_platform");
        (await client.SendMessage(key, new { to = PlatformNumber, text = "loop" })).GetProperty("errorCode").GetString().ShouldBe("PILOT_SELF_NUMBER");
    }

    [Fact]
    public async Task Send_KeyWhoseConnectionWasDeleted_IsLinkedInstanceNotFound()
    {
        var (client, key, connection) = await MetaSender();
        (await client.Admin(HttpMethod.Delete, $"/v1/connections/{connection}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var answer = await client.SendMessage(key, new { to = "+5511987654321", text = "hi" });
        answer.GetProperty("errorCode").GetString().ShouldBe("LINKED_WHATSAPP_INSTANCE_NOT_FOUND");
        (await client.Send(HttpMethod.Get, $"/v1/messages/{answer.GetProperty("id").GetString()}", null, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{\"to\":\"+5511987654321\"")]
    [InlineData("{\"text\":\"no destination\"}")]
    [InlineData("{\"to\":\"+5511987654321\"}")]
    [InlineData("{\"to\":\"+5511987654321\",\"text\":\"a\",\"template\":{\"name\":\"t\",\"language\":\"en\"}}")]
    [InlineData("{\"to\":\"+5511987654321\",\"text\":\"a\",\"deliverUntil\":\"2001-01-01T00:00:00Z\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Send_BadBody_Is400ProblemAndNothingStored(string body)
    {
        var (client, key, _) = await MetaSender();
        var response = await client.Send(HttpMethod.Post, "/v1/messages", body, key);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("INVALID_REQUEST");
        (await factory.Services.GetRequiredService<IGatewayStore>().ListMessagesAsync(new Logs.LogQuery(null, null, null, null, null, null, 10, null), TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_BodyOver64KiB_Is400Problem()
    {
        var (client, key, _) = await MetaSender();
        var response = await client.Send(HttpMethod.Post, "/v1/messages", new { to = "+5511987654321", text = new string('x', 70_000) }, key);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("psk_wrong")]
    public async Task Send_WrongKey_Is401AndNothingStored(string? key)
    {
        var response = await Client().Send(HttpMethod.Post, "/v1/messages", new { to = "+5511987654321", text = "hi" }, key);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GatewayClient.Json(response)).GetProperty("code").GetString().ShouldBe("UNAUTHORIZED");
        (await factory.Services.GetRequiredService<IGatewayStore>().ListMessagesAsync(new Logs.LogQuery(null, null, null, null, null, null, 10, null), TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_AnotherKeysMessage_Is404()
    {
        var (client, key, _) = await MetaSender();
        var (_, otherKey, _) = await MetaSender();
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "hi" })).GetProperty("id").GetString();
        (await client.Send(HttpMethod.Get, $"/v1/messages/{id}", null, otherKey)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restart_AcceptedMessageIsStillThere()
    {
        var (client, key, _) = await MetaSender();
        var id = (await client.SendMessage(key, new { to = "+5511987654321", text = "survive" })).GetProperty("id").GetString();
        factory.Dispose();

        using var restarted = new GatewayFactory(factory.DatabasePath);
        var view = await GatewayClient.Json(await new GatewayClient(restarted.CreateClient()).Send(HttpMethod.Get, $"/v1/messages/{id}", null, key));
        view.GetProperty("status").GetString().ShouldBe("QUEUED");
    }

    public void Dispose()
    {
        factory.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
