using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>
/// The real executable, killed (SIGKILL, no shutdown) between accept and dispatch, then restarted on the same
/// database: every message it answered 202 for is still there.
/// </summary>
public sealed class KillRestartTests : IDisposable
{
    private const string AdminToken = "kill-test-admin-token-0123";
    private readonly string database = Path.Combine(Path.GetTempPath(), $"kill-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Kill_BetweenAcceptAndDispatch_LosesNoAcceptedMessage()
    {
        var port = Ports.Free();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ids = new List<string>();
        string key;
        using (var gateway = Start(port))
        {
            await WaitHealthy(http, gateway);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
            var connection = await Json(await http.PostAsJsonAsync("/v1/connections", new { provider = "meta", number = "+15551230200", phoneNumberId = "1", wabaId = "2", systemToken = "t" }, TestContext.Current.CancellationToken));
            key = (await Json(await http.PostAsJsonAsync("/v1/api-keys", new { connectionId = connection.GetProperty("id").GetString() }, TestContext.Current.CancellationToken))).GetProperty("key").GetString()!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            for (var i = 0; i < 40; i++)
            {
                var answer = await http.PostAsJsonAsync("/v1/messages", new { to = "+5511987654321", text = $"message {i}" }, TestContext.Current.CancellationToken);
                answer.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                ids.Add((await Json(answer)).GetProperty("id").GetString()!);
            }

            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using (var restarted = Start(port))
        {
            await WaitHealthy(http, restarted);
            foreach (var id in ids)
            {
                var view = await http.GetAsync($"/v1/messages/{id}", TestContext.Current.CancellationToken);
                view.StatusCode.ShouldBe(HttpStatusCode.OK, id);
                (await Json(view)).GetProperty("status").GetString().ShouldBe("QUEUED");
            }

            restarted.Kill(entireProcessTree: true);
        }
    }

    // Meta's base URL is a closed port: sends never leave, so every message stays queued (and not an attempt).
    private Process Start(int port)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "pilot-gateway.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["Gateway__AdminToken"] = AdminToken;
        start.Environment["Gateway__DatabasePath"] = database;
        start.Environment["Providers__Meta__BaseUrl"] = "http://127.0.0.1:9";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthy(HttpClient http, Process process)
    {
        for (var i = 0; i < 300; i++)
        {
            process.HasExited.ShouldBeFalse("the gateway exited at start");
            try
            {
                if ((await http.GetAsync("/healthz", TestContext.Current.CancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the gateway did not become healthy");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();


    public void Dispose() => GatewayFactory.DeleteDatabase(database);
}
