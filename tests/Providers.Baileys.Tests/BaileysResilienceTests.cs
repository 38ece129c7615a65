using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys.Instances;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Providers.Baileys.Tests;

/// <summary>Our resilience configuration against a WireMock Evolution API double.</summary>
public sealed class BaileysResilienceTests : IDisposable
{
    private readonly WireMockServer evolution = WireMockServer.Start();
    private readonly ServiceProvider services;

    public BaileysResilienceTests()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddBaileysProvider(o =>
        {
            o.SendTimeout = TimeSpan.FromSeconds(15);
            o.ReadTimeout = TimeSpan.FromSeconds(15);
            o.BreakerMinimumThroughput = 3;
            o.BreakerFailureRatio = 0.5;
            o.BreakerSamplingDuration = TimeSpan.FromSeconds(60);
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        services = collection.BuildServiceProvider();
    }

    private IMessageProvider Provider => services.GetServices<IMessageProvider>().Single(p => p.Name == "baileys");

    private ProviderConnection Connection(string instance) => new("c-" + instance, "+5511999990000", new Dictionary<string, string>
    {
        ["serverUrl"] = evolution.Url!,
        ["instanceName"] = instance,
        ["apiKey"] = "test-apikey",
    });

    private ProviderSendRequest Send(string instance) => new(new OutboundMessage("m1", "+5511988887777", "oi", null), Connection(instance));

    private int Requests(string path) => evolution.LogEntries.Count(e => e.RequestMessage!.Path == path);

    [Fact]
    public async Task SendAsync_ConnectionClosed_IsNotResent_AndOneDeadInstanceDoesNotBreakItsNeighbour()
    {
        evolution.Given(Request.Create().WithPath("/message/sendText/dead").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("{\"status\":500,\"error\":\"Internal Server Error\",\"response\":{\"message\":\"Connection Closed\"}}"));
        evolution.Given(Request.Create().WithPath("/message/sendText/alive").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"key\":{\"remoteJid\":\"5511988887777@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE5OK\"},\"status\":\"PENDING\"}"));

        var first = await Provider.SendAsync(Send("dead"), TestContext.Current.CancellationToken);
        Requests("/message/sendText/dead").ShouldBe(1);
        for (var i = 0; i < 2; i++) await Provider.SendAsync(Send("dead"), TestContext.Current.CancellationToken);
        var blocked = await Provider.SendAsync(Send("dead"), TestContext.Current.CancellationToken);
        var neighbour = await Provider.SendAsync(Send("alive"), TestContext.Current.CancellationToken);

        first.ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(OutcomeKind.Retry), o => o.Attempt.ShouldBe(SendAttempt.Answered));
        blocked.Attempt.ShouldBe(SendAttempt.NotSent);
        Requests("/message/sendText/dead").ShouldBe(3);
        neighbour.ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(OutcomeKind.Sent), o => o.ProviderMessageId.ShouldBe("BAE5OK"));
        evolution.LogEntries.First(e => e.RequestMessage!.Path == "/message/sendText/alive").RequestMessage!.Headers!["apikey"].ShouldBe(["test-apikey"]);
    }

    [Fact]
    public async Task ConnectionStateAsync_ServerError_IsRetried()
    {
        evolution.Given(Request.Create().WithPath("/instance/connectionState/flaky").UsingGet()).RespondWith(Response.Create().WithStatusCode(503).WithBody(""));

        await services.GetRequiredService<IEvolutionInstanceClient>().ConnectionStateAsync(Connection("flaky"), TestContext.Current.CancellationToken);

        Requests("/instance/connectionState/flaky").ShouldBe(3);
    }

    [Fact]
    public async Task SendAsync_Template_IsRenderedIntoText()
    {
        evolution.Given(Request.Create().WithPath("/message/sendText/tpl").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"key\":{\"id\":\"BAE5TPL\"}}"));
        var request = Send("tpl") with { Message = new OutboundMessage("m2", "+5511988887777", null, new TemplateContent("order", "pt_BR", ["4821"], "Pedido {{1}} enviado")) };

        (await Provider.SendAsync(request, TestContext.Current.CancellationToken)).Kind.ShouldBe(OutcomeKind.Sent);

        var body = evolution.LogEntries.Single(e => e.RequestMessage!.Path == "/message/sendText/tpl").RequestMessage!.Body!;
        body.ShouldContain("\"text\":\"Pedido 4821 enviado\"");
        body.ShouldContain("\"number\":\"5511988887777\"");
    }

    public void Dispose()
    {
        services.Dispose();
        evolution.Stop();
        evolution.Dispose();
    }
}
