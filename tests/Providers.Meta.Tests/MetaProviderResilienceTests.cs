using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Resilience;
using PilotStatus.Gateway.Providers.Meta.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Providers.Meta.Tests;

/// <summary>Our resilience configuration, exercised through the real client against a WireMock Graph double.</summary>
public sealed class MetaProviderResilienceTests : IDisposable
{
    private readonly WireMockServer graph = WireMockServer.Start();
    private readonly ServiceProvider services;

    // Timeouts far above any answer time on a loaded CI machine; the timeout test builds its own, short one.
    public MetaProviderResilienceTests() => services = Build(TimeSpan.FromSeconds(15));

    private ServiceProvider Build(TimeSpan timeout)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddMetaProvider(o =>
        {
            o.BaseUrl = new Uri(graph.Url!);
            o.SendTimeout = timeout;
            o.ReadTimeout = timeout;
            o.BreakerMinimumThroughput = 3;
            o.BreakerFailureRatio = 0.5;
            o.BreakerSamplingDuration = TimeSpan.FromSeconds(60);
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        return collection.BuildServiceProvider();
    }

    private IMessageProvider Provider => services.GetServices<IMessageProvider>().Single(p => p.Name == "meta");

    private static ProviderSendRequest SendRequest(string phoneNumberId) => new(
        new OutboundMessage("msg-1", "+16505555555", "hi", null),
        new ProviderConnection("c1", "+15550001111", new Dictionary<string, string>
        {
            [MetaConnectionSettings.PhoneNumberId] = phoneNumberId,
            [MetaConnectionSettings.WabaId] = "waba-" + phoneNumberId,
            [MetaConnectionSettings.SystemToken] = "test-token",
        }));

    private int Requests(string pathContains) => graph.LogEntries.Count(e => e.RequestMessage!.Path.Contains(pathContains, StringComparison.Ordinal));

    [Fact]
    public async Task SendAsync_ServerError_IsNotRetried()
    {
        graph.Given(Request.Create().WithPath("/v23.0/111/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("{\"error\":{\"code\":2,\"message\":\"(#2) Service temporarily unavailable\"}}"));

        var outcome = await Provider.SendAsync(SendRequest("111"), TestContext.Current.CancellationToken);

        outcome.ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(OutcomeKind.Retry), o => o.Code.ShouldBe(ErrorCode.MetaSendFailed), o => o.Attempt.ShouldBe(SendAttempt.Answered));
        Requests("/111/").ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_NoAnswerBeforeTimeout_IsUnknownAttempt_SentOnce()
    {
        graph.Given(Request.Create().WithPath("/v23.0/222/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(5)).WithBody("{\"messages\":[{\"id\":\"wamid.late\"}]}"));
        using var shortTimeout = Build(TimeSpan.FromSeconds(1));

        var outcome = await shortTimeout.GetServices<IMessageProvider>().Single(p => p.Name == "meta").SendAsync(SendRequest("222"), TestContext.Current.CancellationToken);

        outcome.ShouldSatisfyAllConditions(o => o.Attempt.ShouldBe(SendAttempt.Unknown), o => o.Code.ShouldBe(ErrorCode.DeliveryTimeout), o => o.RuleId.ShouldBe("meta.transport.timeout"));
        // WireMock logs a request once its (delayed) answer is written; wait for it, then make sure no second one follows.
        for (var i = 0; i < 100 && Requests("/222/") == 0; i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Requests("/222/").ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_BrokenCircuit_IsNotSent_AndOnlyForThatPhoneNumber()
    {
        graph.Given(Request.Create().WithPath("/v23.0/333/messages").UsingPost()).RespondWith(Response.Create().WithStatusCode(500).WithBody("{}"));
        graph.Given(Request.Create().WithPath("/v23.0/444/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"messages\":[{\"id\":\"wamid.ok\"}]}"));

        for (var i = 0; i < 3; i++) await Provider.SendAsync(SendRequest("333"), TestContext.Current.CancellationToken);
        var before = Requests("/333/");
        var blocked = await Provider.SendAsync(SendRequest("333"), TestContext.Current.CancellationToken);
        var other = await Provider.SendAsync(SendRequest("444"), TestContext.Current.CancellationToken);

        blocked.ShouldSatisfyAllConditions(o => o.Attempt.ShouldBe(SendAttempt.NotSent), o => o.RuleId.ShouldBe("meta.transport.not-sent"));
        Requests("/333/").ShouldBe(before);
        other.ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(OutcomeKind.Sent), o => o.ProviderMessageId.ShouldBe("wamid.ok"));
    }

    [Fact]
    public async Task ReadWabaAsync_ServerError_IsRetried()
    {
        graph.Given(Request.Create().WithPath("/v23.0/waba-555").UsingGet()).RespondWith(Response.Create().WithStatusCode(503).WithBody("{\"error\":{\"code\":2}}"));

        var read = await services.GetRequiredService<IMetaGraphClient>().ReadWabaAsync(SendRequest("555").Connection, TestContext.Current.CancellationToken);

        read.Succeeded.ShouldBeFalse();
        Requests("/waba-555").ShouldBe(3);
    }

    [Fact]
    public async Task SendAsync_TemplateBody_CarriesCallbackDataAndParameters()
    {
        graph.Given(Request.Create().WithPath("/v23.0/666/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"messages\":[{\"id\":\"wamid.t\",\"message_status\":\"accepted\"}]}"));
        var request = SendRequest("666") with { Message = new OutboundMessage("msg-77", "+5563984622450", null, new TemplateContent("order_update", "pt_BR", ["4821"])) };

        (await Provider.SendAsync(request, TestContext.Current.CancellationToken)).Kind.ShouldBe(OutcomeKind.Sent);

        var sent = graph.LogEntries.Single(e => e.RequestMessage!.Path.Contains("/666/", StringComparison.Ordinal)).RequestMessage!;
        var body = sent.Body.ShouldNotBeNull();
        body.ShouldContain("\"biz_opaque_callback_data\":\"msg-77\"");
        body.ShouldContain("\"to\":\"5563984622450\"");
        body.ShouldContain("\"language\":{\"code\":\"pt_BR\"}");
        body.ShouldContain("\"parameters\":[{\"type\":\"text\",\"text\":\"4821\"}]");
        sent.Headers!["Authorization"].ShouldBe(["Bearer test-token"]);
    }

    [Fact]
    public async Task ReadTemplatesAsync_FollowsPagingNext()
    {
        const string page = "{{\"data\":[{{\"id\":\"{0}\",\"name\":\"t{0}\",\"language\":\"en_US\",\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"components\":[{{\"type\":\"BODY\",\"text\":\"Order {{{{1}}}}\"}}]}}],\"paging\":{{\"cursors\":{{\"after\":\"c{0}\"}}{1}}}}}";
        graph.Given(Request.Create().WithPath("/v23.0/waba-777/message_templates").WithParam("after", "c1").UsingGet())
            .AtPriority(1).RespondWith(Response.Create().WithBody(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, 2, "")));
        graph.Given(Request.Create().WithPath("/v23.0/waba-777/message_templates").UsingGet())
            .AtPriority(2).RespondWith(Response.Create().WithBody(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, 1, ",\"next\":\"https://graph.facebook.com/v23.0/waba-777/message_templates?after=c1\"")));

        var read = await services.GetRequiredService<IMetaGraphClient>().ReadTemplatesAsync(SendRequest("777").Connection, TestContext.Current.CancellationToken);

        read.Succeeded.ShouldBeTrue();
        read.Value!.Select(t => t.Name).ShouldBe(["t1", "t2"]);
        read.Value![0].BodyText.ShouldBe("Order {{1}}");
        read.Value![0].Version.Length.ShouldBe(12);
    }

    [Theory]
    [InlineData("POST", "https://graph.facebook.com/v23.0/106540352242922/messages", "send:106540352242922")]
    [InlineData("GET", "https://graph.facebook.com/v23.0/102290129340398/message_templates", "read:102290129340398")]
    [InlineData("GET", "https://localhost:123/", "read:-")]
    public void KeyOf_Request_IsKindAndIdNeverSecrets(string method, string url, string key) =>
        MetaResilience.KeyOf(new HttpRequestMessage(new HttpMethod(method), url)).ShouldBe(key);

    public void Dispose()
    {
        services.Dispose();
        graph.Stop();
        graph.Dispose();
    }
}
