using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using PilotStatus.Gateway.Tests.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>
/// Two gateway replicas on one PostgreSQL database, both accepting and both dispatching, each in front of its own Meta
/// double (so the sends of each are counted apart): every accepted message reaches the provider exactly once, and
/// none is lost.
/// </summary>
public sealed class TwoReplicaTests : IAsyncLifetime
{
    private const int Messages = 3000;
    private readonly WireMockServer[] metas = [WireMockServer.Start(), WireMockServer.Start()];
    private readonly ConcurrentDictionary<string, int> sends = new();
    private readonly int[] sentBy = new int[2];
    private string database = "";

    public async ValueTask InitializeAsync()
    {
        database = await PostgresServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        for (var replica = 0; replica < 2; replica++)
        {
            var by = replica;
            metas[replica].Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                Interlocked.Increment(ref sentBy[by]);
                // The gateway's message id rides in biz_opaque_callback_data: count the sends per message.
                using var body = JsonDocument.Parse(request.Body!);
                sends.AddOrUpdate(body.RootElement.GetProperty("biz_opaque_callback_data").GetString()!, 1, (_, n) => n + 1);
                return new WireMock.ResponseMessage
                {
                    StatusCode = 200,
                    BodyData = new WireMock.Util.BodyData
                    {
                        DetectedBodyType = WireMock.Types.BodyType.String,
                        BodyAsString = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],\"messages\":[{\"id\":\"wamid.R" + Guid.NewGuid().ToString("N") + "\"}]}",
                    },
                };
            }));
        }
    }

    private GatewayFactory Replica(int replica) => new(settings: new Dictionary<string, string?>
    {
        ["Gateway:Database"] = "postgresql",
        ["Gateway:PostgresConnectionString"] = database,
        ["Providers:Meta:BaseUrl"] = metas[replica].Url,
        ["Gateway:Dispatcher:PollInterval"] = "00:00:00.050",
        ["Gateway:Dispatcher:MetaMessagesPerSecond"] = "1000",
        ["Gateway:Dispatcher:BatchSize"] = "100",
    });

    [Fact]
    public async Task TwoReplicas_ThousandsOfMessages_EachSentExactlyOnce_NoneLost()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = Replica(0);
        using var second = Replica(1);
        var admin = new GatewayClient(first.CreateClient());
        var key = await admin.CreateApiKey(await admin.CreateMetaConnection("+15551234567"));
        GatewayClient[] clients = [new(first.CreateClient()), new(second.CreateClient())];

        // Accepted by both replicas in turn, a few at a time, while both dispatch.
        var accepted = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, Messages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, _) =>
        {
            var message = await clients[i % 2].SendMessage(key, new { to = $"+55119{i:D8}", text = $"m{i}" });
            accepted.Add(message.GetProperty("id").GetString()!);
        });

        var store = first.Services.GetRequiredService<IGatewayStore>();
        for (var i = 0; i < 1200 && sends.Count < Messages; i++) await Task.Delay(100, ct);
        await Task.Delay(500, ct); // a late duplicate would land now

        var stored = await Task.WhenAll(accepted.Select(id => store.GetMessageAsync(id, ct)));
        accepted.Distinct().Count().ShouldBe(Messages);
        string.Join(", ", stored.GroupBy(m => $"{m?.Status}/{m?.Attempts}").Select(g => $"{g.Key}: {g.Count()}")).ShouldBe($"Sent/1: {Messages}");
        sends.Count.ShouldBe(Messages);
        accepted.Except(sends.Keys).ShouldBeEmpty();
        sends.Where(send => send.Value != 1).Select(send => $"{send.Key} sent {send.Value} times").ShouldBeEmpty();
        sentBy.ShouldAllBe(count => count > 0); // both replicas dispatched
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var meta in metas)
        {
            meta.Stop();
            meta.Dispose();
        }

        await PostgresServer.DropDatabaseAsync(database);
    }
}
