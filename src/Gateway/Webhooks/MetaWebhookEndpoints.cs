using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Messages;
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
        TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger("PilotStatus.Gateway.Webhooks.Meta");
        if (await JsonBody.ReadLimitedAsync(request, MaxBody, ct) is not { } body) return Problems.BadRequest("The body is larger than 3 MB.");
        if (options.Value.AppSecret is not { Length: > 0 } secret || !Signed(body, request.Headers["X-Hub-Signature-256"].ToString(), secret))
            return Problems.Unauthenticated("X-Hub-Signature-256 is missing or does not match the body.");

        var events = classifiers.Single(c => c.Provider == "meta").Classify(new ProviderExchange(ExchangeKind.Webhook, null, Encoding.UTF8.GetString(body)));
        if (events is [{ RuleId: "meta.webhook.malformed" } malformed])
        {
            LogMalformed(log, malformed.Evidence.ProviderMessage);
            return Problems.BadRequest($"Not a WhatsApp webhook body: {malformed.Evidence.ProviderMessage}.");
        }

        var now = time.GetUtcNow();
        foreach (var update in events.Where(e => e.Kind != OutcomeKind.Ignored && (e.ProviderMessageId is not null || e.CallbackData is not null)))
        {
            var message = (update.ProviderMessageId is { } wamid ? await store.FindByProviderMessageIdAsync("meta", wamid, ct) : null)
                ?? (update.CallbackData is { } id ? await store.GetMessageAsync(id, ct) : null);
            if (message is null)
            {
                LogUnmatched(log, update.RuleId);
                await store.AddUnmatchedEventAsync("meta", update, now, ct);
                continue;
            }

            if (WebhookApplier.Apply(message, update, now) is { } updated)
                await store.TryUpdateMessageAsync(updated, message.Status, ct);
        }

        return Results.Ok();
    }

    // hex(HMAC-SHA256(app secret, raw body)), compared in constant time (the official Node SDK's check).
    private static bool Signed(byte[] body, string header, string secret)
    {
        if (!header.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) return false;
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), presented);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed Meta webhook refused: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meta webhook event for no known message ({Rule}): kept for reconciliation")]
    private static partial void LogUnmatched(ILogger logger, string rule);
}
