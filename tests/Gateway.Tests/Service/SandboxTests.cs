using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotStatus.Gateway.Cli;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary><c>serve --sandbox</c> as a newcomer runs it: every listed scenario, sent as listed, ends as it says.</summary>
public sealed class SandboxTests : IDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Sandbox_EveryScenario_EndsInItsExpectation()
    {
        var port = Ports.Free();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var serving = GatewayCli.RunAsync(["serve", "--sandbox", "--urls", $"http://127.0.0.1:{port}", $"--Gateway:DatabasePath={database}"], TextReader.Null, output, TextWriter.Null, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            for (var i = 0; i < 100 && !output.ToString().Contains("curl", StringComparison.Ordinal); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
            output.ToString().ShouldContain("Authorization: Bearer sandbox-meta");

            var scenarios = JsonDocument.Parse(await http.GetStringAsync("/sandbox/scenarios", TestContext.Current.CancellationToken)).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            scenarios.Count.ShouldBeGreaterThanOrEqualTo(10);
            var sent = new List<(JsonElement Scenario, string Id)>();
            foreach (var scenario in scenarios)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
                {
                    Content = JsonContent.Create(new { to = scenario.GetProperty("to").GetString(), text = scenario.GetProperty("text").GetString() }),
                };
                request.Headers.Authorization = new("Bearer", scenario.GetProperty("apiKey").GetString());
                var answer = await http.SendAsync(request, TestContext.Current.CancellationToken);
                answer.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                sent.Add((scenario, JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!));
            }

            foreach (var (scenario, id) in sent)
            {
                var expect = scenario.GetProperty("expect");
                JsonElement message = default;
                for (var i = 0; i < 300; i++)
                {
                    using var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/messages/{id}");
                    get.Headers.Authorization = new("Bearer", scenario.GetProperty("apiKey").GetString());
                    message = JsonDocument.Parse(await (await http.SendAsync(get, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
                    if (message.GetProperty("status").GetString() != "QUEUED") break;
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }

                var name = scenario.GetProperty("name").GetString();
                message.GetProperty("status").GetString().ShouldBe(expect.GetProperty("status").GetString(), name);
                message.GetProperty("errorCode").ToString().ShouldBe(expect.GetProperty("errorCode").ToString(), name);
            }

            // Sync with Meta: the demo number syncs its templates; the number with a wrong WABA fails with 100/33.
            async Task<HttpResponseMessage> Sync(string connection)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/connections/{connection}/sync");
                request.Headers.Authorization = new("Bearer", "sandbox-admin");
                return await http.SendAsync(request, TestContext.Current.CancellationToken);
            }

            (await Sync("con_sandbox_meta")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var broken = await Sync("con_sandbox_meta_broken_waba");
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


    public void Dispose() => GatewayFactory.DeleteDatabase(database);
}
