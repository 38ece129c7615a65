using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Providers.Meta.Sync;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Connections;

/// <summary>
/// The template registry's two doors (admin token): <c>POST /v1/connections/{id}/sync</c> ("Sync with Meta": the
/// WABA, then every template with a version that changes when Meta's content does) and
/// <c>POST /v1/connections/{id}/templates</c> (Baileys: templates registered by name, language and version).
/// </summary>
internal static class TemplateEndpoints
{
    public sealed record TemplateRegistration(string? Name, string? Language, string? Version, string? Body);

    public static void MapTemplates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/connections/{id}").AddEndpointFilter<AdminOnly>();
        group.MapPost("/sync", Sync);
        group.MapPost("/templates", Register);
    }

    private static async Task<IResult> Sync(string id, IGatewayStore store, ConnectionSecrets secrets, IMetaGraphClient graph, TimeProvider time, CancellationToken ct)
    {
        if (await store.GetConnectionAsync(id, ct) is not { } connection) return Problems.NotFoundOf($"Connection {id}");
        if (connection.Provider != "meta") return Problems.BadRequest("Only Meta connections sync with Meta; register Baileys templates with POST /v1/connections/{id}/templates.");

        var read = await graph.SyncAsync(secrets.ForProvider(connection), ct);
        if (!read.Succeeded)
        {
            var code = read.Outcome.Code ?? ErrorCode.MetaSendFailed;
            return Problems.Create(StatusCodes.Status502BadGateway, ErrorCatalog.NameOf(code), ErrorCatalog.Get(code).Meaning,
                $"Meta answered {read.Outcome.Evidence.ProviderCode ?? "without a code"}{(read.Outcome.Evidence.ProviderSubcode is { } sub ? "/" + sub : "")}: {read.Outcome.Evidence.ProviderMessage} (rule {read.Outcome.RuleId}).");
        }

        var now = time.GetUtcNow();
        foreach (var t in read.Value!)
            await store.UpsertTemplateAsync(new TemplateRecord(connection.Id, t.Name, t.Language, t.Version, t.Status, t.BodyText, now), ct);
        return Results.Ok(new
        {
            connectionId = connection.Id,
            syncedAt = now,
            templates = read.Value!.Select(t => new { name = t.Name, language = t.Language, status = t.Status, version = t.Version }),
        });
    }

    private static async Task<IResult> Register(string id, HttpRequest request, IGatewayStore store, TimeProvider time, CancellationToken ct)
    {
        if (await store.GetConnectionAsync(id, ct) is not { } connection) return Problems.NotFoundOf($"Connection {id}");
        if (connection.Provider == "meta") return Problems.BadRequest("Meta templates come from Meta: POST /v1/connections/{id}/sync.");
        var (body, problem) = await JsonBody.ReadAsync<TemplateRegistration>(request, ct);
        if (problem is not null) return problem;
        if (new[] { body!.Name, body.Language, body.Version, body.Body }.Any(string.IsNullOrWhiteSpace))
            return Problems.BadRequest("A template needs \"name\", \"language\", \"version\" and \"body\" (with {{1}}, {{2}} … placeholders).");

        var template = new TemplateRecord(connection.Id, body.Name!, body.Language!, body.Version!, "REGISTERED", body.Body, time.GetUtcNow());
        await store.UpsertTemplateAsync(template, ct);
        return Results.Created($"/v1/connections/{id}/templates", new { name = template.Name, language = template.Language, version = template.Version });
    }
}
