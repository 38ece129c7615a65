using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.ApiKeys;

/// <summary><c>POST /v1/api-keys</c> (admin token): a key linked to one connection, stored only as a hash and shown once.</summary>
internal static class ApiKeyEndpoints
{
    public sealed record ApiKeyRequest(string? ConnectionId);

    public static void MapApiKeys(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/api-keys", async (HttpRequest request, IGatewayStore store, TimeProvider time, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<ApiKeyRequest>(request, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body!.ConnectionId)) return Problems.BadRequest("\"connectionId\" is required.");
            if (await store.GetConnectionAsync(body.ConnectionId, ct) is null) return Problems.NotFoundOf($"Connection {body.ConnectionId}");

            var key = Secrets.NewApiKey();
            var record = new ApiKeyRecord("key_" + Guid.CreateVersion7().ToString("N"), Secrets.Hash(key), body.ConnectionId, time.GetUtcNow());
            await store.AddApiKeyAsync(record, ct);
            return Results.Created($"/v1/api-keys/{record.Id}", new { id = record.Id, key, connectionId = record.ConnectionId });
        }).AddEndpointFilter<AdminOnly>();
}
