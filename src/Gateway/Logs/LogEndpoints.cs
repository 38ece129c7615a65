using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Hosting;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Lifecycle;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Logs;

/// <summary>
/// <c>GET /api/logs</c> (filters, cursor paging, newest first) and <c>GET /api/logs/summary</c> (failures per code
/// and per provider code: the "top errors" view). An API key sees its own messages; the admin token sees all.
/// <c>errorCode</c> is <see cref="ErrorCodeDerivation.ForLog"/> over the stored fields, never parsed from text.
/// </summary>
internal static class LogEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void MapLogs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/logs", List);
        app.MapGet("/api/logs/summary", Summary);
    }

    private static async Task<IResult> List(HttpRequest request, IGatewayStore store, IOptions<GatewayOptions> options, CancellationToken ct)
    {
        if (await Caller(request, store, options, ct) is not var (admin, keyId)) return Problems.Unauthenticated("An API key or the admin token is required.");
        var q = request.Query;
        MessageStatus? status = null;
        if (q["status"].ToString() is { Length: > 0 } s)
        {
            if (!Enum.TryParse<MessageStatus>(s, ignoreCase: true, out var parsed)) return Problems.BadRequest("\"status\" is QUEUED, SENT, DELIVERED, FAILED or CANCELED.");
            status = parsed;
        }

        ErrorCode? code = null;
        if (q["errorCode"].ToString() is { Length: > 0 } c)
        {
            if (!ErrorCatalog.TryParse(c, out var parsed)) return Problems.BadRequest("\"errorCode\" must be one of the 21 codes (pilot-gateway codes).");
            code = parsed;
        }

        if (Time(q["from"], out var from) is { } badFrom) return badFrom;
        if (Time(q["to"], out var to) is { } badTo) return badTo;
        var limit = DefaultLimit;
        if (q["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return Problems.BadRequest($"\"limit\" is 1 to {MaxLimit}.");
        (DateTimeOffset, string)? after = null;
        if (q["cursor"].ToString() is { Length: > 0 } cursor)
        {
            if (Decode(cursor) is not { } position) return Problems.BadRequest("\"cursor\" is not a cursor this API gave.");
            after = position;
        }

        var page = await store.ListMessagesAsync(new LogQuery(admin ? null : keyId, status, code, q["connectionId"].ToString() is { Length: > 0 } cid ? cid : null, from, to, limit + 1, after), ct);
        var items = page.Take(limit).ToList();
        return Results.Ok(new
        {
            items = items.Select(Item),
            nextCursor = page.Count > limit ? Encode(items[^1]) : null,
        });
    }

    private static async Task<IResult> Summary(HttpRequest request, IGatewayStore store, IOptions<GatewayOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (await Caller(request, store, options, ct) is not var (admin, keyId)) return Problems.Unauthenticated("An API key or the admin token is required.");
        if (Time(request.Query["from"], out var from) is { } badFrom) return badFrom;
        if (Time(request.Query["to"], out var to) is { } badTo) return badTo;
        var until = to ?? time.GetUtcNow();
        var since = from ?? until.AddDays(-1);
        var rows = await store.CountFailuresAsync(admin ? null : keyId, since, until, ct);
        return Results.Ok(new
        {
            from = since,
            to = until,
            total = rows.Sum(r => r.Count),
            byCode = rows.GroupBy(r => r.ErrorCode).Select(g => new { code = g.Key, count = g.Sum(r => r.Count) }).OrderByDescending(x => x.count).ThenBy(x => x.code, StringComparer.Ordinal),
            byProviderCode = rows.OrderByDescending(r => r.Count).ThenBy(r => r.ProviderCode, StringComparer.Ordinal)
                .Select(r => new { provider = r.Provider, providerCode = r.ProviderCode, code = r.ErrorCode, count = r.Count }),
        });
    }

    private static object Item(MessageRecord m) => new
    {
        id = m.Id,
        connectionId = m.ConnectionId,
        provider = m.Provider,
        to = m.To,
        status = MessageEndpoints.Name(m.Status),
        errorCode = ErrorCodeDerivation.ForLog(m) is { } code ? ErrorCatalog.NameOf(code) : null,
        errorMessage = m.ErrorMessage,
        attempts = m.Attempts,
        createdAt = m.CreatedAt,
        sentAt = m.SentAt,
        deliveredAt = m.DeliveredAt,
        failedAt = m.FailedAt,
        deliverUntil = m.DeliverUntil,
    };

    private static async Task<(bool Admin, string? KeyId)?> Caller(HttpRequest request, IGatewayStore store, IOptions<GatewayOptions> options, CancellationToken ct)
    {
        if (Secrets.Same(Secrets.Bearer(request), options.Value.AdminToken!)) return (true, null);
        return await Secrets.ApiKeyAsync(request, store, ct) is { } key ? (false, key.Id) : null;
    }

    private static IResult? Time(Microsoft.Extensions.Primitives.StringValues value, out DateTimeOffset? time)
    {
        time = null;
        if (value.ToString() is not { Length: > 0 } text) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return Problems.BadRequest($"\"{text}\" is not an ISO 8601 time.");
        time = parsed;
        return null;
    }

    private static string Encode(MessageRecord last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.CreatedAt.ToUnixTimeMilliseconds()}:{last.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset, string)? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text[..colon], CultureInfo.InvariantCulture, out var ms) && colon < text.Length - 1
                ? (DateTimeOffset.FromUnixTimeMilliseconds(ms), text[(colon + 1)..])
                : null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
