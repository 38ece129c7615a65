using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Tests.Shared;
using PilotStatus.Gateway.Providers.Meta.Mapping;
using PilotStatus.Gateway.Providers.Meta.Webhooks;

namespace PilotStatus.Gateway.Providers.Meta.Tests;

/// <summary>The mapper and the webhook parser are total: randomized and mutated bodies never make them throw.</summary>
public sealed class MetaMapperTotalityTests
{
    private static readonly string[] Seeds =
    [
        "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send\"},\"error_subcode\":2494055,\"fbtrace_id\":\"Az8or2\"}}",
        "{\"errors\":[{\"code\":1006,\"title\":\"Resource not found\",\"details\":\"unknown contact\"}]}",
        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"16505555555\",\"wa_id\":\"16505555555\"}],\"messages\":[{\"id\":\"wamid.HBgL\"}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"1065\"},\"statuses\":[{\"id\":\"wamid.x\",\"status\":\"failed\",\"timestamp\":\"1698231447\",\"recipient_id\":\"1\",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\",\"error_data\":{\"details\":\"x\"}}]}]},\"field\":\"messages\"}]}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"errors\":[{\"code\":0,\"title\":\"x\"}],\"messages\":[{\"from\":\"1\",\"id\":\"w\",\"errors\":[{\"code\":131051}]}]}}]}]}",
        "<html><body>502 Bad Gateway</body></html>",
        "",
    ];

    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "\"code\"", "\"error\"", "{\"code\":\"x\"}", "[[[]]]", "\\u0000", "99999999999999999999"];

    [Fact]
    public void Map_RandomMutationsOfRealBodies_NeverThrow_AndCodeMatchesKind()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 4000; i++)
        {
            var body = BodyMutations.Mutate(Seeds[random.Next(Seeds.Length)], random, Fragments);
            int? status = random.Next(6) switch { 0 => null, 1 => 200, 2 => 400, 3 => 401, 4 => 429, _ => random.Next(100, 600) };
            var history = (InboundHistory)random.Next(3);
            Check(MetaResponseMapper.MapSend(status, body, null, history, random.Next(10)), body);
            Check(MetaResponseMapper.MapGraph(status, body, null), body);
            var events = MetaWebhookParser.Parse(body, history);
            events.Count.ShouldBeGreaterThan(0, body);
            foreach (var e in events) Check(e, body);
        }
    }

    [Fact]
    public void Map_RandomGarbage_NeverThrows()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var body = BodyMutations.Garbage(random);
            Check(MetaResponseMapper.MapSend(random.Next(100, 600), body, null, InboundHistory.Unknown), body);
            MetaWebhookParser.Parse(body, InboundHistory.Unknown).Count.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Map_DeeplyNestedBody_IsAnOutcomeNotAStackOverflow()
    {
        var body = new string('[', 100_000) + new string(']', 100_000);
        Check(MetaResponseMapper.MapSend(400, body, null, InboundHistory.Unknown), "nested");
        MetaWebhookParser.Parse(body, InboundHistory.Unknown).Count.ShouldBe(1);
    }

    private static void Check(ProviderOutcome outcome, string body)
    {
        var needsCode = outcome.Kind is OutcomeKind.Failed or OutcomeKind.Retry or OutcomeKind.ConnectionDown or OutcomeKind.ConnectionRemoved;
        (outcome.Code is not null).ShouldBe(needsCode, $"{outcome.Kind} {outcome.RuleId} for {body}");
        outcome.RuleId.ShouldNotBeNullOrEmpty();
        (outcome.Kind == OutcomeKind.Retry).ShouldBe(outcome.Retryable, body);
    }
}
