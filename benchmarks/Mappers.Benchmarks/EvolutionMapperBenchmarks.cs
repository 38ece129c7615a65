using BenchmarkDotNet.Attributes;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using PilotStatus.Gateway.Providers.Baileys.Webhooks;

namespace PilotStatus.Gateway.Benchmarks;

/// <summary>One classification per operation, on real-shaped Evolution API bodies (the fixtures' shapes).</summary>
[MemoryDiagnoser]
public class EvolutionMapperBenchmarks
{
    private const string ConnectionClosed = "{\"status\":400,\"error\":\"Bad Request\",\"response\":{\"message\":[\"Error: Connection Closed\"]}}";

    private const string NotOnWhatsapp = "{\"status\":400,\"error\":\"Bad Request\",\"response\":{\"message\":[{\"jid\":\"5511999990001@s.whatsapp.net\",\"exists\":false,\"number\":\"5511999990001\"}]}}";

    private const string ErrorAckWebhook =
        "{\"event\":\"messages.update\",\"instance\":\"acme\",\"data\":{\"keyId\":\"BAE594145F4C59B4\",\"remoteJid\":\"553198296801@s.whatsapp.net\",\"fromMe\":true,\"participant\":null,\"status\":\"ERROR\",\"instanceId\":\"6b1c1f3e\",\"messageId\":\"clx1\",\"messageStubParameters\":[\"463\"]},\"destination\":\"http://127.0.0.1/webhooks\",\"date_time\":\"2024-06-06T12:00:00.000Z\",\"sender\":\"5511999990000@s.whatsapp.net\",\"server_url\":\"http://127.0.0.1:8080\",\"apikey\":\"***\"}";

    private const string Sent = "{\"key\":{\"remoteJid\":\"553198296801@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE594145F4C59B4\"},\"message\":{\"conversation\":\"hi\"},\"messageTimestamp\":\"1717689097\",\"status\":\"PENDING\"}";

    [Benchmark]
    public ProviderOutcome EvolutionConnectionClosed() => EvolutionResponseMapper.MapSend(400, ConnectionClosed);

    [Benchmark]
    public ProviderOutcome EvolutionNotOnWhatsapp() => EvolutionResponseMapper.MapSend(400, NotOnWhatsapp);

    [Benchmark]
    public IReadOnlyList<ProviderOutcome> EvolutionWebhookErrorAck() => EvolutionWebhookParser.Parse(ErrorAckWebhook);

    [Benchmark]
    public ProviderOutcome EvolutionSuccess() => EvolutionResponseMapper.MapSend(201, Sent);
}
