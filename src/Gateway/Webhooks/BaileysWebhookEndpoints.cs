using System.Text;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/baileys/{connectionId}</c>: Evolution API's webhook for one connection. It authenticates with the
/// connection's Evolution key, which Evolution sends in the body's <c>apikey</c> (or an <c>X-Webhook-Secret</c> header).
/// Message acks move messages forward; a removed instance fails the connection's queued messages with
/// NUMBER_NOT_FOUND_REMOVED; a closed one changes nothing (its messages stay queued).
/// </summary>
internal static class BaileysWebhookEndpoints
{
    private const int MaxBody = 3 * 1024 * 1024;

    public static void MapBaileysWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/baileys/{connectionId}", async (string connectionId, HttpRequest request, IGatewayStore store, ConnectionSecrets secrets,
            IEnumerable<IProviderClassifier> classifiers, TimeProvider time, CancellationToken ct) =>
        {
            if (await store.GetConnectionAsync(connectionId, ct) is not { Provider: "baileys" } connection) return Problems.NotFoundOf($"Baileys connection {connectionId}");
            if (await JsonBody.ReadLimitedAsync(request, MaxBody, ct) is not { } raw) return Problems.BadRequest("The body is larger than 3 MB.");
            var body = Encoding.UTF8.GetString(raw);
            var key = secrets.ForProvider(connection).Setting(BaileysConnectionSettings.ApiKey)!;
            var presented = request.Headers["X-Webhook-Secret"].ToString() is { Length: > 0 } header ? header : BodyApiKey(body);
            if (!Secrets.Same(presented, key)) return Problems.Unauthenticated("The webhook's apikey (or X-Webhook-Secret) does not match the connection's.");

            var events = classifiers.Single(c => c.Provider == "baileys").Classify(new ProviderExchange(ExchangeKind.Webhook, null, body));
            if (events is [{ RuleId: "evo.webhook.malformed" } malformed]) return Problems.BadRequest($"Not an Evolution webhook body: {malformed.Evidence.ProviderMessage}.");

            var now = time.GetUtcNow();
            foreach (var update in events)
            {
                if (update.Kind == OutcomeKind.ConnectionRemoved)
                {
                    await FailQueuedAsync(store, connection.Id, update, now, ct);
                    continue;
                }

                if (update.ProviderMessageId is not { } id || update.Kind == OutcomeKind.Ignored) continue;
                if (await store.FindByProviderMessageIdAsync("baileys", id, ct) is not { } message)
                {
                    await store.AddUnmatchedEventAsync("baileys", update, now, ct);
                    continue;
                }

                if (WebhookApplier.Apply(message, update, now) is { } updated) await store.TryUpdateMessageAsync(updated, message.Status, ct);
            }

            return Results.Ok();
        });

    // The instance is gone at its server: nothing queued on it can be sent any more.
    private static async Task FailQueuedAsync(IGatewayStore store, string connectionId, ProviderOutcome removed, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<MessageRecord> queued;
        do
        {
            queued = await store.ListMessagesAsync(new Logs.LogQuery(null, MessageStatus.Queued, null, connectionId, null, null, 200, null), ct);
            foreach (var message in queued)
            {
                await store.TryUpdateMessageAsync(message with
                {
                    Status = MessageStatus.Failed, ErrorCode = ErrorCode.NumberNotFoundRemoved, FailedAt = now, NextAttemptAt = null,
                    ErrorMessage = $"the instance was removed at its Evolution server ({removed.Evidence.ProviderMessage ?? removed.RuleId})",
                }, MessageStatus.Queued, ct);
            }
        }
        while (queued.Count == 200);
    }

    private static string? BodyApiKey(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("apikey", out var key) && key.ValueKind == JsonValueKind.String
                ? key.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
