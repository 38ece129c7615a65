using System.Text.Json;
using PilotStatus.Gateway.Fixtures;
using WireMock.Matchers;
using WireMock.Models;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// In-process WireMock doubles of Meta's Graph API and of an Evolution API server: every fixture is loaded, and each
/// scenario's destination gets its fixtures' answers (in order, the last repeating) on the sandbox connections' paths,
/// then the scenario's callbacks to the gateway's webhooks. Any other destination is accepted and delivered.
/// Loopback only.
/// </summary>
internal sealed class SandboxDoubles : IDisposable
{
    private readonly WireMockServer server;
    private readonly string fixturesRoot;
    private readonly SandboxCallbacks callbacks;

    /// <param name="fixturesRoot">The <c>fixtures/</c> folder.</param>
    /// <param name="gateway">The gateway's own address, which the callbacks are sent to.</param>
    /// <param name="time">The clock callbacks take their timestamps from.</param>
    public SandboxDoubles(string fixturesRoot, Uri gateway, TimeProvider? time = null)
    {
        this.fixturesRoot = fixturesRoot;
        server = WireMockServer.Start(new WireMockServerSettings
        {
            StartAdminInterface = false,
            WatchStaticMappingsInSubdirectories = true,
            WebhookSettings = new SandboxCallbackSigner(SandboxScenarios.MetaAppSecret),
            ScribanRegistrationCallback = (functions, _) => SandboxTemplates.Register(functions, time ?? TimeProvider.System),
        });
        callbacks = new SandboxCallbacks(fixturesRoot, gateway, server.Url!);
        server.ReadStaticMappings(fixturesRoot);

        var meta = $"/v*/{SandboxScenarios.MetaPhoneNumberId}/messages";
        var templateOnly = $"/v*/{SandboxScenarios.MetaTemplateOnlyPhoneNumberId}/messages";
        var baileys = $"/message/sendText/{SandboxScenarios.BaileysInstance}";
        IWebhook MetaCallback(SandboxCallback c) => callbacks.Meta(c, SandboxScenarios.MetaPhoneNumberId, SandboxScenarios.MetaNumber);
        foreach (var scenario in SandboxScenarios.All.Where(s => s.Answers.Count > 0))
        {
            var (path, field) = scenario.Provider == "meta" ? (meta, "to") : (baileys, "number");
            var body = JsonSerializer.Serialize(new Dictionary<string, string> { [field] = scenario.To.TrimStart('+') });
            for (var i = 0; i < scenario.Answers.Count; i++)
            {
                var mapping = server.Given(Request.Create().WithPath(path).UsingPost().WithBody(new JsonPartialMatcher(body))).AtPriority(1);
                if (scenario.Answers.Count > 1)
                {
                    mapping = mapping.InScenario(scenario.Name);
                    if (i > 0) mapping = mapping.WhenStateIs($"answer {i}");
                    if (i < scenario.Answers.Count - 1) mapping = mapping.WillSetStateTo($"answer {i + 1}");
                }

                // The callbacks follow the answer that accepted the message: the last one.
                var last = i == scenario.Answers.Count - 1;
                Respond(mapping, scenario.Answers[i], last ? scenario.Callbacks : [], scenario.Provider == "meta" ? MetaCallback : callbacks.Evolution);
            }
        }

        // Sync with Meta for the sandbox WABA: the recorded WABA and template pages.
        Respond(server.Given(Request.Create().WithPath($"/v*/{SandboxScenarios.MetaWabaId}").UsingGet()).AtPriority(1), "meta/graph-waba/success-waba-info.json");
        Respond(server.Given(Request.Create().WithPath($"/v*/{SandboxScenarios.MetaWabaId}/message_templates").UsingGet()).AtPriority(1),
            "meta/graph-templates/success-templates-mixed-status.json");

        // Every other destination: accepted, then delivered.
        Respond(server.Given(Request.Create().WithPath(meta).UsingPost()).AtPriority(5), "meta/send-text/success-text.json", SandboxScenarios.MetaDelivered, MetaCallback);
        Respond(server.Given(Request.Create().WithPath(templateOnly).UsingPost()).AtPriority(5), "meta/send-template/success-template-accepted.json",
            SandboxScenarios.MetaDelivered, c => callbacks.Meta(c, SandboxScenarios.MetaTemplateOnlyPhoneNumberId, SandboxScenarios.MetaTemplateOnlyNumber));
        Respond(server.Given(Request.Create().WithPath(baileys).UsingPost()).AtPriority(5), "baileys/send-text/sent-prepare-message.json",
            SandboxScenarios.EvolutionDelivered, callbacks.Evolution);
    }

    /// <summary>The doubles' address: Meta's base URL and the sandbox Evolution server's URL.</summary>
    public string Url => server.Url!;

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private void Respond(IRespondWithAProvider mapping, string answer, IReadOnlyList<SandboxCallback>? then = null, Func<SandboxCallback, IWebhook>? callback = null)
    {
        if (then is { Count: > 0 } && callback is not null)
        {
            // Fire and forget: otherwise WireMock sends the webhooks before its answer, and each delay would hold the answer back.
            mapping = mapping.WithWebhook([.. then.Select(callback)]).WithWebhookFireAndForget(true);
        }

        mapping.RespondWith(SandboxAnswers.Of(FixtureCatalog.Read(fixturesRoot, Path.Combine(fixturesRoot, answer))));
    }
}
