using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PilotStatus.Gateway.Cli;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary><c>serve --sandbox</c> as a newcomer runs it: every listed scenario, sent as listed, ends as it says.</summary>
public sealed class SandboxTests : IDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Sandbox_EveryScenario_EndsInItsExpectationAndLogsItsCode()
    {
        var port = Ports.Free();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var serving = GatewayCli.RunAsync(["serve", "--sandbox", "--urls", $"http://127.0.0.1:{port}", $"--Gateway:DatabasePath={database}"], TextReader.Null, output, TextWriter.Null, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var client = new GatewayClient(http);
        try
        {
            for (var i = 0; i < 100 && !output.ToString().Contains("curl", StringComparison.Ordinal); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
            output.ToString().ShouldContain("Authorization: Bearer sandbox-meta");
            output.ToString().ShouldContain("QUEUED -> SENT -> DELIVERED");

            var scenarios = JsonDocument.Parse(await http.GetStringAsync("/sandbox/scenarios", TestContext.Current.CancellationToken)).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            scenarios.Count.ShouldBe(Sandbox.SandboxScenarios.All.Count);
            scenarios.Count.ShouldBeGreaterThanOrEqualTo(21);
            var sent = new List<(JsonElement Scenario, string Id)>();
            foreach (var scenario in scenarios) sent.Add((scenario, (await client.SendMessage(scenario.GetProperty("apiKey").GetString()!, MessageOf(scenario))).GetProperty("id").GetString()!));

            // Every scenario runs at once, so the slowest decides; the limit is generous for a loaded 2-core machine.
            // A scenario that ends still QUEUED or SENT is looked at last, once the others have ended.
            var clock = Stopwatch.StartNew();
            foreach (var (scenario, id) in sent.OrderBy(s => Open(s.Scenario.GetProperty("expect").GetProperty("status").GetString())))
            {
                var name = scenario.GetProperty("name").GetString();
                var expect = scenario.GetProperty("expect");
                var message = await Ended(client, scenario.GetProperty("apiKey").GetString()!, id, expect.GetProperty("status").GetString()!, clock);
                message.GetProperty("status").GetString().ShouldBe(expect.GetProperty("status").GetString(), name);
                message.GetProperty("errorCode").ToString().ShouldBe(expect.GetProperty("errorCode").ToString(), name);
            }

            // The logs show the same ends, with the code derived from the stored fields, and when a confirmation came.
            var logs = (await GatewayClient.Json(await client.Admin(HttpMethod.Get, "/api/logs?limit=500", token: "sandbox-admin"))).GetProperty("items")
                .EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
            foreach (var (scenario, id) in sent)
            {
                var name = scenario.GetProperty("name").GetString();
                var expect = scenario.GetProperty("expect");
                var logged = logs[id];
                logged.GetProperty("status").GetString().ShouldBe(expect.GetProperty("status").GetString(), name);
                logged.GetProperty("errorCode").ToString().ShouldBe(expect.GetProperty("errorCode").ToString(), name);
                if (expect.GetProperty("status").GetString() == "DELIVERED") logged.GetProperty("deliveredAt").ValueKind.ShouldBe(JsonValueKind.String, name);
            }

            // Every lifecycle code of SPEC's deadline table appears in the logs, as a newcomer would watch it.
            var codes = logs.Values.Select(e => e.GetProperty("errorCode").ToString()).ToHashSet();
            new[] { "DELIVERED_NOT_CONFIRMED", "EXPIRED_AFTER_ATTEMPTS", "MESSAGE_EXPIRED", "NEVER_ATTEMPTED_MAX_AGE_EXCEEDED", "META_NO_CONVERSATION" }.Except(codes).ShouldBeEmpty();

            // Sync with Meta: the demo number syncs its templates; the number with a wrong WABA fails with 100/33.
            (await client.Admin(HttpMethod.Post, "/v1/connections/con_sandbox_meta/sync", token: "sandbox-admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var broken = await client.Admin(HttpMethod.Post, "/v1/connections/con_sandbox_meta_broken_waba/sync", token: "sandbox-admin");
            broken.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            (await broken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("META_WABA_NOT_ACCESSIBLE");
        }
        finally
        {
            await stop.CancelAsync();
            (await serving).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Sandbox_WithoutAFixedPort_IsRefused()
    {
        var error = new StringWriter();
        (await GatewayCli.RunAsync(["serve", "--sandbox", "--urls", "http://127.0.0.1:0"], TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken)).ShouldBe(2);
        error.ToString().ShouldContain("fixed port");
    }

    [Fact]
    public async Task Sandbox_NonLoopbackAddress_IsRefused()
    {
        var error = new StringWriter();
        (await GatewayCli.RunAsync(["serve", "--sandbox", "--urls", "http://0.0.0.0:5999"], TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken)).ShouldBe(2);
        error.ToString().ShouldContain("loopback");
    }

    [Fact]
    public async Task Serve_WithoutAdminToken_StopsWithAClearMessage()
    {
        var error = new StringWriter();
        var exit = await GatewayCli.RunAsync(["serve", "--urls", $"http://127.0.0.1:{Ports.Free()}", $"--Gateway:DatabasePath={database}"], TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(2);
        error.ToString().ShouldContain("Gateway:AdminToken");
    }

    // The message a scenario lists: its text or template, and deliverUntil = now + deliverUntilSeconds when given.
    private static Dictionary<string, object?> MessageOf(JsonElement scenario)
    {
        var body = new Dictionary<string, object?> { ["to"] = scenario.GetProperty("to").GetString() };
        if (scenario.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String) body["text"] = text.GetString();
        if (scenario.TryGetProperty("template", out var template) && template.ValueKind == JsonValueKind.Object) body["template"] = template;
        if (scenario.TryGetProperty("deliverUntilSeconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number)
            body["deliverUntil"] = DateTimeOffset.UtcNow.AddSeconds(seconds.GetInt32());
        return body;
    }

    private static bool Open(string? status) => status is "QUEUED" or "SENT";

    // Polls the message until it ends (DELIVERED, FAILED or CANCELED), or is in the open state it is expected to
    // stay in, or the overall limit passes; answers its last state.
    private static async Task<JsonElement> Ended(GatewayClient client, string apiKey, string id, string expected, Stopwatch clock)
    {
        while (true)
        {
            var message = await GatewayClient.Json(await client.Send(HttpMethod.Get, $"/v1/messages/{id}", null, apiKey));
            var status = message.GetProperty("status").GetString();
            if (!Open(status) || status == expected || clock.Elapsed > TimeSpan.FromSeconds(120)) return message;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => GatewayFactory.DeleteDatabase(database);
}
