using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Contacts;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/baileys/{connectionId}</c>: Evolution API's webhook for one connection. It authenticates with the
/// connection's Evolution key, which Evolution sends in the body's <c>apikey</c> (or in the header <see cref="BaileysWebhookOptions.SecretHeader"/>).
/// Message acks move messages forward; inbound messages are kept per contact; a closed connection is marked down (its
/// messages stay queued, unattempted, until it opens again); a removed instance marks the connection removed and fails
/// its queued messages with NUMBER_NOT_FOUND_REMOVED.
/// </summary>
internal static partial class BaileysWebhookEndpoints
{
    private const int MaxBody = 3 * 1024 * 1024;

    // Evolution's connection.update open/connecting: the connection is usable again.
    private const string ConnectionUpRule = "evo.webhook.connection-up";

    public static void MapBaileysWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/baileys/{connectionId}", async (string connectionId, HttpRequest request, IGatewayStore store, ConnectionSecrets secrets,
            IEnumerable<IProviderClassifier> classifiers, StatusUpdates updates, ContactHistory contacts, IOptions<BaileysWebhookOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
        {
            if (await store.GetConnectionAsync(connectionId, ct) is not { Provider: "baileys" } connection) return Problems.NotFoundOf($"Baileys connection {connectionId}");
            if (await JsonBody.ReadLimitedAsync(request, MaxBody, ct) is not { } raw) return Problems.BadRequest("The body is larger than 3 MB.");
            var body = Encoding.UTF8.GetString(raw);
            var key = secrets.ForProvider(connection).Setting(BaileysConnectionSettings.ApiKey)!;
            var presented = request.Headers[options.Value.SecretHeader].ToString() is { Length: > 0 } header ? header : BodyApiKey(body);
            if (!Secrets.Same(presented, key)) return Problems.Unauthenticated($"The webhook's apikey (or {options.Value.SecretHeader}) does not match the connection's.");

            var events = classifiers.Single(c => c.Provider == "baileys").Classify(new ProviderExchange(ExchangeKind.Webhook, null, body));
            if (events is [{ RuleId: "evo.webhook.malformed" } malformed])
            {
                LogMalformed(logs.CreateLogger("PilotStatus.Gateway.Webhooks.Baileys"), connection.Id, malformed.Evidence.ProviderMessage);
                return Problems.BadRequest($"Not an Evolution webhook body: {malformed.Evidence.ProviderMessage}.");
            }

            var now = time.GetUtcNow();
            foreach (var update in events)
            {
                switch (update)
                {
                    case { Kind: OutcomeKind.ConnectionRemoved }:
                        await store.SetConnectionStateAsync(connection.Id, ConnectionState.Removed, now, ct);
                        await FailQueuedAsync(store, connection.Id, update, now, ct);
                        break;
                    case { Kind: OutcomeKind.ConnectionDown }:
                        await store.SetConnectionStateAsync(connection.Id, ConnectionState.Down, now, ct);
                        break;
                    case { RuleId: ConnectionUpRule }:
                        await store.SetConnectionStateAsync(connection.Id, ConnectionState.Open, now, ct);
                        break;
                    case { Inbound: true }:
                        await contacts.RecordInboundAsync(connection.Id, [update.RecipientId, update.RecipientAltId], update.OccurredAt ?? now, ct);
                        break;
                    case { Kind: not OutcomeKind.Ignored, ProviderMessageId: not null }:
                        await updates.ApplyAsync("baileys", update, now, ct);
                        break;
                }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed Evolution webhook for connection {ConnectionId} refused: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string connectionId, string? reason);
}
