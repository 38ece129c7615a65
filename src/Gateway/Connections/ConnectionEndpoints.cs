using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Hosting;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Providers.Meta;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Connections;

/// <summary><c>/v1/connections</c> (admin token): create, list, delete. Secrets are encrypted at rest and never returned.</summary>
internal static class ConnectionEndpoints
{
    public static void MapConnections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/connections").AddEndpointFilter<AdminOnly>();
        group.MapPost("", Create);
        group.MapGet("", async (IGatewayStore store, CancellationToken ct) => Results.Ok((await store.ListConnectionsAsync(ct)).Select(View)));
        group.MapDelete("/{id}", async (string id, IGatewayStore store, CancellationToken ct) =>
            await store.DeleteConnectionAsync(id, ct) ? Results.NoContent() : Problems.NotFoundOf($"Connection {id}"));
    }

    private static async Task<IResult> Create(HttpRequest request, IGatewayStore store, ConnectionSecrets secrets, IOptions<GatewayOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConnectionRequest>(request, ct);
        if (problem is not null) return problem;
        if (body!.Validate(out var invalid) is not var (number, settings, secretSettings)) return Problems.BadRequest(invalid!);

        var connection = new ConnectionRecord
        {
            Id = "con_" + Guid.CreateVersion7().ToString("N"),
            Provider = body.Provider!,
            Number = number,
            Settings = settings,
            ProtectedSecrets = secrets.Protect(secretSettings),
            TemplateOnly = body.TemplateOnly == true,
            CreatedAt = time.GetUtcNow(),
        };
        if (!await store.TryAddConnectionAsync(connection, options.Value.MaxConnectionsPerNumber, ct))
        {
            return Problems.Create(
                StatusCodes.Status409Conflict,
                ErrorCatalog.NameOf(ErrorCode.NumberConnectionLimitReached),
                ErrorCatalog.Get(ErrorCode.NumberConnectionLimitReached).Meaning,
                $"{number} already has {options.Value.MaxConnectionsPerNumber} connections.");
        }

        return Results.Created($"/v1/connections/{connection.Id}", View(connection));
    }

    /// <summary>What the API shows of a connection: everything but its secrets.</summary>
    internal static object View(ConnectionRecord c) => new
    {
        id = c.Id,
        provider = c.Provider,
        number = c.Number,
        templateOnly = c.TemplateOnly,
        settings = c.Settings.Where(s => s.Key != MetaConnectionSettings.TemplateOnly).ToDictionary(s => s.Key, s => s.Value),
        createdAt = c.CreatedAt,
    };
}
