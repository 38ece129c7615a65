using System.Text;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Contacts;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Providers.Meta;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>
/// <c>GET /webhooks/meta</c> (verification handshake) and <c>POST /webhooks/meta</c>: the signature is checked over
/// the raw bytes before anything is read, then every status is applied, found by wamid or by the gateway id echoed in
/// <c>biz_opaque_callback_data</c>. Forged or unsigned bodies are 401 and change nothing; malformed ones are 400.
/// </summary>
internal static partial class MetaWebhookEndpoints
{
    private const int MaxBody = 3 * 1024 * 1024; // Meta: payloads up to 3 MB

    public static void MapMetaWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/webhooks/meta", (HttpRequest request, IOptions<MetaWebhookOptions> options) =>
            request.Query["hub.mode"] == "subscribe" && options.Value.VerifyToken is { Length: > 0 } token && Secrets.Same(request.Query["hub.verify_token"], token)
                ? Results.Text(request.Query["hub.challenge"].ToString(), "text/plain")
                : Problems.Create(StatusCodes.Status403Forbidden, Problems.Unauthorized, "The verification token does not match."));
        app.MapPost("/webhooks/meta", Receive);
    }

    private static async Task<IResult> Receive(HttpRequest request, IOptions<MetaWebhookOptions> options, IGatewayStore store, IEnumerable<IProviderClassifier> classifiers,
        StatusUpdates updates, ContactHistory contacts, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger("PilotStatus.Gateway.Webhooks.Meta");
        if (await JsonBody.ReadLimitedAsync(request, MaxBody, ct) is not { } body) return Problems.BadRequest("The body is larger than 3 MB.");
        if (options.Value.AppSecret is not { Length: > 0 } secret || !MetaSignature.Verify(body, request.Headers[MetaSignature.Header].ToString(), secret))
            return Problems.Unauthenticated("X-Hub-Signature-256 is missing or does not match the body.");

        var meta = classifiers.Single(c => c.Provider == "meta");
        var exchange = new ProviderExchange(ExchangeKind.Webhook, null, Encoding.UTF8.GetString(body));
        var events = meta.Classify(exchange);
        if (events is [{ RuleId: "meta.webhook.malformed" } malformed])
        {
            LogMalformed(log, malformed.Evidence.ProviderMessage);
            return Problems.BadRequest($"Not a WhatsApp webhook body: {malformed.Evidence.ProviderMessage}.");
        }

        var now = time.GetUtcNow();
        var connections = await MetaConnectionsAsync(store, events, ct);
        for (var i = 0; i < events.Count; i++)
        {
            var update = events[i];
            var numbers = update.ConnectionKey is { } key ? connections[key].ToList() : [];
            if (update.Inbound)
            {
                foreach (var connectionId in numbers) await contacts.RecordInboundAsync(connectionId, [update.RecipientId], update.OccurredAt ?? now, ct);
                continue;
            }

            if (update.Kind == OutcomeKind.Ignored || (update.ProviderMessageId is null && update.CallbackData is null)) continue;

            // 131047 means "no conversation" only for a contact that never wrote; the webhook names it by wa_id.
            if (update.Code == ErrorCode.MetaOutside24hWindow && await contacts.ForContactAsync(numbers, update.RecipientId, ct) == InboundHistory.None)
                update = meta.Classify(exchange with { History = InboundHistory.None })[i];

            await updates.ApplyAsync("meta", update, now, ct);
        }

        return Results.Ok();
    }

    // Meta names the business number by phone_number_id; each connection on that number keeps it in its settings.
    private static async Task<ILookup<string, string>> MetaConnectionsAsync(IGatewayStore store, IReadOnlyList<ProviderOutcome> events, CancellationToken ct)
    {
        var keys = events.Select(e => e.ConnectionKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var connections = keys.Count == 0 ? [] : await store.ListConnectionsAsync(ct);
        return connections
            .Where(c => c.Provider == "meta" && c.Settings.TryGetValue(MetaConnectionSettings.PhoneNumberId, out var id) && keys.Contains(id))
            .ToLookup(c => c.Settings[MetaConnectionSettings.PhoneNumberId], c => c.Id, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed Meta webhook refused: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string? reason);
}
