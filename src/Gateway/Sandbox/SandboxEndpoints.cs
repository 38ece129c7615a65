namespace PilotStatus.Gateway.Sandbox;

/// <summary><c>GET /sandbox/scenarios</c>: each scenario's destination, provider, key and expected final status and code.</summary>
internal static class SandboxEndpoints
{
    public static void MapSandbox(this IEndpointRouteBuilder app) =>
        app.MapGet("/sandbox/scenarios", () => Results.Ok(SandboxScenarios.All.Select(s => new
        {
            name = s.Name,
            provider = s.Provider,
            apiKey = s.ApiKey,
            to = s.To,
            text = s.Text,
            template = s.Template,
            deliverUntilSeconds = s.DeliverUntilSeconds,
            expect = new { status = s.Expect.Status, errorCode = s.Expect.ErrorCode },
        })));
}
