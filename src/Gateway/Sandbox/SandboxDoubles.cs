using System.Text.Json;
using PilotStatus.Gateway.Fixtures;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// In-process WireMock doubles of Meta's Graph API and of an Evolution API server: every fixture is loaded, and each
/// scenario's destination gets its fixtures' answers (in order, the last repeating) on the sandbox connections' paths.
/// Any other destination is accepted. Loopback only.
/// </summary>
internal sealed class SandboxDoubles : IDisposable
{
    private readonly WireMockServer server;

    public SandboxDoubles(string fixturesRoot)
    {
        server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false, WatchStaticMappingsInSubdirectories = true });
        server.ReadStaticMappings(fixturesRoot);
        var meta = $"/v*/{SandboxScenarios.MetaPhoneNumberId}/messages";
        var baileys = $"/message/sendText/{SandboxScenarios.BaileysInstance}";
        foreach (var scenario in SandboxScenarios.All.Where(s => s.Answers.Count > 0))
        {
            var (path, field) = scenario.Provider == "meta" ? (meta, "to") : (baileys, "number");
            var body = JsonSerializer.Serialize(new Dictionary<string, string> { [field] = scenario.To.TrimStart('+') });
            for (var i = 0; i < scenario.Answers.Count; i++)
            {
                var request = Request.Create().WithPath(path).UsingPost().WithBody(new WireMock.Matchers.JsonPartialMatcher(body));
                var mapping = server.Given(request).AtPriority(1);
                if (scenario.Answers.Count > 1)
                {
                    mapping = mapping.InScenario(scenario.Name);
                    if (i > 0) mapping = mapping.WhenStateIs($"answer {i}");
                    if (i < scenario.Answers.Count - 1) mapping = mapping.WillSetStateTo($"answer {i + 1}");
                }

                mapping.RespondWith(Answer(Path.Combine(fixturesRoot, scenario.Answers[i])));
            }
        }

        // Sync with Meta for the sandbox WABA: the recorded WABA and template pages.
        server.Given(Request.Create().WithPath($"/v*/{SandboxScenarios.MetaWabaId}").UsingGet()).AtPriority(1)
            .RespondWith(Answer(Path.Combine(fixturesRoot, "meta/graph-waba/success-waba-info.json")));
        server.Given(Request.Create().WithPath($"/v*/{SandboxScenarios.MetaWabaId}/message_templates").UsingGet()).AtPriority(1)
            .RespondWith(Answer(Path.Combine(fixturesRoot, "meta/graph-templates/success-templates-mixed-status.json")));
        server.Given(Request.Create().WithPath(meta).UsingPost()).AtPriority(5).RespondWith(Answer(Path.Combine(fixturesRoot, "meta/send-text/success-text.json")));
        server.Given(Request.Create().WithPath($"/v*/{SandboxScenarios.MetaTemplateOnlyPhoneNumberId}/messages").UsingPost()).AtPriority(5)
            .RespondWith(Answer(Path.Combine(fixturesRoot, "meta/send-template/success-template-accepted.json")));
        server.Given(Request.Create().WithPath(baileys).UsingPost()).AtPriority(5).RespondWith(Answer(Path.Combine(fixturesRoot, "baileys/send-text/sent-prepare-message.json")));
    }

    /// <summary>The doubles' address: Meta's base URL and the sandbox Evolution server's URL.</summary>
    public string Url => server.Url!;

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    // The recorded answer of a fixture file: its status, headers and body, exactly.
    private static IResponseBuilder Answer(string fixture)
    {
        var file = FixtureCatalog.Read(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(fixture)))!, fixture);
        var response = Response.Create().WithStatusCode(file.ResponseStatus ?? 200).WithBody(file.ResponseBody ?? "");
        foreach (var (name, value) in file.ResponseHeaders ?? new Dictionary<string, string>()) response = response.WithHeader(name, value);
        return response;
    }
}
