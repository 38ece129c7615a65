using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Fixtures;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using PilotStatus.Gateway.Tests.Shared;
using PilotStatus.Gateway.Webhooks;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>
/// Randomized webhooks through the real endpoints: every recorded webhook fixture, as sent and mutated, plus garbage,
/// signed or authenticated so it reaches the parser and the store. The host never answers 5xx, and no message ever
/// moves backwards: SENT never returns to QUEUED, DELIVERED and FAILED never change.
/// </summary>
public sealed class WebhookTotalityTests : IDisposable
{
    private const string AppSecret = "totality-app-secret";
    private const string EvolutionKey = "totality-evolution-key";
    private const int Posts = 600;
    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e309", "\"failed\"", "\"delivered\"", "\"sent\"", "{\"errors\":[{\"code\":131026}]}", "\\u0000", "\"\\ud800\""];
    private readonly GatewayFactory factory = new(settings: new Dictionary<string, string?>
    {
        ["Gateway:Webhooks:Meta:AppSecret"] = AppSecret,
        ["Gateway:Dispatcher:PollInterval"] = "00:00:01",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RandomizedFixtureWebhooks_NeverCrash_NeverMoveAMessageBack()
    {
        var random = new Random(20261204);
        var store = factory.Services.GetRequiredService<IGatewayStore>();
        var client = new GatewayClient(factory.CreateClient());
        var meta = await client.CreateMetaConnection("+15551234567");
        var created = await client.Admin(HttpMethod.Post, "/v1/connections", new { provider = "baileys", number = "+5511999990000", serverUrl = "http://127.0.0.1:9", instanceName = "fx", apiKey = EvolutionKey });
        var baileys = (await GatewayClient.Json(created)).GetProperty("id").GetString()!;

        var metaBodies = WebhookBodies("meta");
        var baileysBodies = WebhookBodies("baileys").Select(b => b.Replace("\"***\"", $"\"{EvolutionKey}\"", StringComparison.Ordinal)).ToList();
        await SeedMessagesAsync(store, "meta", meta, Ids(metaBodies, "id", "biz_opaque_callback_data"), random);
        await SeedMessagesAsync(store, "baileys", baileys, Ids(baileysBodies, "keyId", "id"), random);

        var before = await SnapshotAsync(store);
        var moved = 0;
        for (var i = 0; i < Posts; i++)
        {
            var toMeta = random.Next(2) == 0;
            var bodies = toMeta ? metaBodies : baileysBodies;
            var body = random.Next(10) switch
            {
                0 => BodyMutations.Garbage(random),
                < 4 => bodies[random.Next(bodies.Count)],
                _ => BodyMutations.Mutate(bodies[random.Next(bodies.Count)], random, Fragments),
            };

            using var request = new HttpRequestMessage(HttpMethod.Post, toMeta ? "/webhooks/meta" : $"/webhooks/baileys/{baileys}")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (toMeta) request.Headers.Add(MetaSignature.Header, MetaSignature.Of(Encoding.UTF8.GetBytes(body), AppSecret));
            else request.Headers.Add("X-Webhook-Secret", EvolutionKey);
            var response = await client.Http.SendAsync(request, Ct);

            ((int)response.StatusCode).ShouldBeLessThan(500, $"post {i}: {body}");
            var after = await SnapshotAsync(store);
            foreach (var (id, was) in before)
            {
                Forward(was, after[id]).ShouldBeTrue($"post {i} moved {id} from {was} to {after[id]}: {body}");
                if (after[id] != was) moved++;
            }

            before = after;
        }

        (await client.Http.GetAsync("/healthz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        moved.ShouldBeGreaterThan(0); // the run did reach messages, not only refusals
    }

    private static bool Forward(MessageStatus was, MessageStatus now) => was switch
    {
        MessageStatus.Delivered or MessageStatus.Failed or MessageStatus.Canceled => now == was,
        MessageStatus.Sent => now is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Failed,
        _ => now != MessageStatus.Canceled,
    };

    // The webhook bodies of a provider's fixtures, as the provider sends them.
    private static List<string> WebhookBodies(string provider) =>
        [.. Directory.GetFiles(Path.Combine(FixtureCatalog.FindRoot()!, provider, "webhook"), "*.json")
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!["Request"]?["Body"]?["Matcher"]?["Pattern"])
            .OfType<JsonNode>()
            .Select(pattern => pattern.ToJsonString())];

    // Every message id the bodies name, so the webhooks find messages to act on.
    private static HashSet<string> Ids(IEnumerable<string> bodies, params string[] names)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in bodies) Collect(JsonNode.Parse(body), names, ids);
        return ids;
    }

    private static void Collect(JsonNode? node, string[] names, HashSet<string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (names.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var id)) ids.Add(id);
                    Collect(value, names, ids);
                }

                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, names, ids);
                break;
        }
    }

    private static async Task SeedMessagesAsync(IGatewayStore store, string provider, string connection, IEnumerable<string> providerIds, Random random)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var providerId in providerIds)
        {
            var status = (MessageStatus)random.Next(4); // QUEUED, SENT, DELIVERED, FAILED
            await store.AddMessageAsync(new MessageRecord
            {
                Id = $"msg_{provider}_{Guid.NewGuid():N}", ApiKeyId = "key_totality", ConnectionId = connection, Provider = provider, To = "+5511987654321", Text = "hi",
                Status = status, ProviderMessageId = status == MessageStatus.Queued ? null : providerId, Attempts = status == MessageStatus.Queued ? 0 : 1,
                CreatedAt = now, DeliverUntil = now.AddDays(7), NextAttemptAt = status == MessageStatus.Queued ? now.AddDays(1) : null,
            }, Ct);
        }
    }

    private static async Task<Dictionary<string, MessageStatus>> SnapshotAsync(IGatewayStore store) =>
        (await store.ListMessagesAsync(new Logs.LogQuery(null, null, null, null, null, null, 1000, null), Ct)).ToDictionary(m => m.Id, m => m.Status);

    public void Dispose()
    {
        factory.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }
}
