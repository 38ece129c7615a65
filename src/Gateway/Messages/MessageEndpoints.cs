using System.Text.Json;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Hosting;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Messages;

/// <summary>
/// <c>POST /v1/messages</c> and <c>GET /v1/messages/{id}</c> (API key). An accepted message is stored before the
/// answer; one that fails a pre-send check is stored FAILED with its code; both answer 202. A bad request or key is
/// a problem and stores nothing.
/// </summary>
internal static class MessageEndpoints
{
    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/messages", Send);
        app.MapDelete("/v1/messages/cancel", Cancel);
        app.MapGet("/v1/messages/{id}", async (string id, HttpRequest request, IGatewayStore store, CancellationToken ct) =>
        {
            if (await Secrets.ApiKeyAsync(request, store, ct) is not { } key) return Problems.Unauthenticated("A valid API key is required.");
            return await store.GetMessageAsync(id, ct) is { } message && message.ApiKeyId == key.Id
                ? Results.Ok(View(message))
                : Problems.NotFoundOf($"Message {id}");
        });
    }

    private static async Task<IResult> Send(HttpRequest request, IGatewayStore store, PreSendChecks checks, IOptions<GatewayOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (await Secrets.ApiKeyAsync(request, store, ct) is not { } key) return Problems.Unauthenticated("A valid API key is required.");
        var (body, problem) = await JsonBody.ReadAsync<MessageRequest>(request, ct);
        if (problem is not null) return problem;
        var now = time.GetUtcNow();
        if (body!.Problem(now) is { } invalid) return Problems.BadRequest(invalid);

        var to = Destination.ToE164(body.To);
        var message = new MessageRecord
        {
            Id = "msg_" + Guid.CreateVersion7().ToString("N"),
            ApiKeyId = key.Id,
            ConnectionId = key.ConnectionId,
            To = to ?? body.To!,
            Text = body.Text,
            TemplateJson = body.Template is null ? null : JsonSerializer.Serialize(body.Template, JsonBody.Options),
            Status = MessageStatus.Queued,
            IdempotencyKey = body.IdempotencyKey,
            CreatedAt = now,
            DeliverUntil = body.DeliverUntil ?? now + options.Value.DefaultDeliverUntil,
            NextAttemptAt = now,
        };

        var connection = await store.GetConnectionAsync(key.ConnectionId, ct);
        var failure = connection is null
            ? (ErrorCode.LinkedWhatsappInstanceNotFound, $"The API key's connection {key.ConnectionId} no longer exists.")
            : await checks.FirstFailureAsync(body, connection, to, ct);
        if (failure is var (code, why))
            message = message with { Status = MessageStatus.Failed, ErrorCode = code, ErrorMessage = why, FailedAt = now, NextAttemptAt = null };
        message = message with { Provider = connection?.Provider };

        var (stored, _) = await store.AddMessageAsync(message, ct);
        return Results.Json(Answer(stored), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>{"ids":[…]}</c> to cancel.</summary>
    public sealed record CancelRequest(IReadOnlyList<string>? Ids);

    // DELETE /v1/messages/cancel: QUEUED messages of the caller's key become CANCELED (no code, never sent afterwards).
    private static async Task<IResult> Cancel(HttpRequest request, IGatewayStore store, CancellationToken ct)
    {
        if (await Secrets.ApiKeyAsync(request, store, ct) is not { } key) return Problems.Unauthenticated("A valid API key is required.");
        var (body, problem) = await JsonBody.ReadAsync<CancelRequest>(request, ct);
        if (problem is not null) return problem;
        if (body!.Ids is not { Count: > 0 and <= 1000 } ids) return Problems.BadRequest("\"ids\" must hold 1 to 1000 message ids.");

        var canceled = new List<string>();
        var refused = new List<object>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await store.TryCancelAsync(id, key.Id, ct))
            {
                canceled.Add(id);
                continue;
            }

            var message = await store.GetMessageAsync(id, ct);
            var reason = message is null || message.ApiKeyId != key.Id ? "not found"
                : message.Status != MessageStatus.Queued ? $"it is {Name(message.Status)}"
                : "it is being sent, or its last attempt's result is unknown";
            refused.Add(new { id, reason });
        }

        return Results.Ok(new { canceled, notCanceled = refused });
    }

    private static object Answer(MessageRecord m) => new
    {
        id = m.Id,
        status = Name(m.Status),
        errorCode = m.ErrorCode is { } c ? ErrorCatalog.NameOf(c) : null,
        errorMessage = m.ErrorMessage,
    };

    /// <summary>A message as <c>GET /v1/messages/{id}</c> shows it.</summary>
    internal static object View(MessageRecord m) => new
    {
        id = m.Id,
        status = Name(m.Status),
        errorCode = m.ErrorCode is { } c ? ErrorCatalog.NameOf(c) : null,
        errorMessage = m.ErrorMessage,
        connectionId = m.ConnectionId,
        provider = m.Provider,
        to = m.To,
        attempts = m.Attempts,
        providerMessageId = m.ProviderMessageId,
        createdAt = m.CreatedAt,
        sentAt = m.SentAt,
        deliveredAt = m.DeliveredAt,
        failedAt = m.FailedAt,
        deliverUntil = m.DeliverUntil,
    };

    internal static string Name(MessageStatus status) => status.ToString().ToUpperInvariant();
}
