using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Tests.Shared;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using PilotStatus.Gateway.Providers.Baileys.Webhooks;

namespace PilotStatus.Gateway.Providers.Baileys.Tests;

/// <summary>The Evolution mapper and webhook parser are total: randomized and mutated bodies never make them throw.</summary>
public sealed class EvolutionMapperTotalityTests
{
    private static readonly string[] Seeds =
    [
        "{\"status\":400,\"error\":\"Bad Request\",\"response\":{\"message\":[{\"jid\":\"5511999990001@s.whatsapp.net\",\"exists\":false,\"number\":\"5511999990001\"}]}}",
        "{\"status\":500,\"error\":\"Internal Server Error\",\"response\":{\"message\":\"Connection Closed\"}}",
        "{\"status\":400,\"error\":\"Bad Request\",\"response\":{\"message\":[[\"instance requires property \\\"text\\\"\"]]}}",
        "{\"key\":{\"remoteJid\":\"553198296801@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE594145F4C59B4\"},\"message\":{\"conversation\":\"hi\"},\"messageTimestamp\":\"1717689097\",\"status\":\"PENDING\"}",
        "[{\"id\":\"1\",\"name\":\"x\",\"connectionStatus\":\"close\",\"disconnectionReasonCode\":401}]",
        "{\"event\":\"messages.update\",\"instance\":\"x\",\"data\":{\"keyId\":\"BAE5\",\"remoteJid\":\"1@s.whatsapp.net\",\"fromMe\":true,\"status\":\"ERROR\",\"messageStubParameters\":[\"463\"]},\"date_time\":\"2024-06-06T12:00:00.000Z\",\"apikey\":\"***\"}",
        "{\"event\":\"CONNECTION_UPDATE\",\"instance\":\"x\",\"data\":{\"instance\":\"x\",\"state\":\"close\",\"statusReason\":401}}",
        "<html><body>502 Bad Gateway</body></html>",
        "",
    ];

    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "\"exists\"", "\"message\"", "{\"exists\":\"no\"}", "[[[]]]", "\"status\":\"x\"", "99999999999999999999"];

    [Fact]
    public void Map_RandomMutationsOfRealBodies_NeverThrow_AndCodeMatchesKind()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 4000; i++)
        {
            var body = BodyMutations.Mutate(Seeds[random.Next(Seeds.Length)], random, Fragments);
            int? status = random.Next(6) switch { 0 => null, 1 => 201, 2 => 400, 3 => 401, 4 => 404, _ => random.Next(100, 600) };
            Check(EvolutionResponseMapper.MapSend(status, body), body);
            Check(EvolutionResponseMapper.MapInstance(status, body), body);
            var events = EvolutionWebhookParser.Parse(body);
            events.Count.ShouldBeGreaterThan(0, body);
            foreach (var e in events) Check(e, body);
        }
    }

    [Fact]
    public void Map_RandomGarbageAndDeepNesting_NeverThrow()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var body = BodyMutations.Garbage(random);
            Check(EvolutionResponseMapper.MapSend(random.Next(100, 600), body), body);
            EvolutionWebhookParser.Parse(body).Count.ShouldBeGreaterThan(0);
        }

        var nested = new string('[', 100_000) + new string(']', 100_000);
        Check(EvolutionResponseMapper.MapSend(500, nested), "nested");
        EvolutionWebhookParser.Parse(nested).Count.ShouldBe(1);
    }

    private static void Check(ProviderOutcome outcome, string body)
    {
        var needsCode = outcome.Kind is OutcomeKind.Failed or OutcomeKind.Retry or OutcomeKind.ConnectionDown or OutcomeKind.ConnectionRemoved;
        (outcome.Code is not null).ShouldBe(needsCode, $"{outcome.Kind} {outcome.RuleId} for {body}");
        outcome.RuleId.ShouldNotBeNullOrEmpty();
        outcome.Evidence.Provider.ShouldBe("baileys");
    }
}
