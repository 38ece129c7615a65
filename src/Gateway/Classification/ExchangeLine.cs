using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Classification;

/// <summary>One classify input: <c>{"provider","kind","httpStatus","body"}</c> (DESIGN.md), plus optional <c>history</c> and <c>headers</c>.</summary>
internal sealed record ExchangeLine(string Provider, ProviderExchange Exchange)
{
    /// <summary>Reads one input object; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(JsonElement root, out ExchangeLine? line, out string? error)
    {
        line = null;
        error = Check(root, out var provider, out var kind, out var status, out var body, out var history, out var headers);
        if (error is not null) return false;
        line = new ExchangeLine(provider!, new ProviderExchange(kind, status, body, headers, history));
        return true;
    }

    private static string? Check(JsonElement root, out string? provider, out ExchangeKind kind, out int? status, out string? body,
        out InboundHistory history, out IReadOnlyDictionary<string, string>? headers)
    {
        provider = null; kind = default; status = null; body = null; history = InboundHistory.Unknown; headers = null;
        if (root.ValueKind != JsonValueKind.Object) return "an exchange must be a JSON object";
        if (!root.TryGetProperty("provider", out var p) || p.ValueKind != JsonValueKind.String) return "missing \"provider\" (\"meta\" or \"baileys\")";
        provider = p.GetString();
        if (!root.TryGetProperty("kind", out var k) || k.ValueKind != JsonValueKind.String || !TryKind(k.GetString(), out kind))
            return "missing or unknown \"kind\" (send-response, graph-response, instance-response, webhook)";
        if (root.TryGetProperty("httpStatus", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var n) || n is < 100 or > 599) return "\"httpStatus\" must be an HTTP status (100-599) or null";
            status = n;
        }

        if (!root.TryGetProperty("body", out var b)) return "missing \"body\"";
        body = b.ValueKind switch
        {
            JsonValueKind.String => b.GetString(),
            JsonValueKind.Null => null,
            _ => b.GetRawText(),
        };
        if (root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.String)
        {
            history = h.GetString() switch
            {
                "none" => InboundHistory.None,
                "known" => InboundHistory.Known,
                _ => InboundHistory.Unknown,
            };
        }

        if (root.TryGetProperty("headers", out var hs) && hs.ValueKind == JsonValueKind.Object)
        {
            headers = hs.EnumerateObject()
                .Where(x => x.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(x => x.Name, x => x.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        }

        return null;
    }

    private static bool TryKind(string? name, out ExchangeKind kind)
    {
        (var ok, kind) = name switch
        {
            "send-response" => (true, ExchangeKind.SendResponse),
            "graph-response" => (true, ExchangeKind.GraphResponse),
            "instance-response" => (true, ExchangeKind.InstanceResponse),
            "webhook" => (true, ExchangeKind.Webhook),
            _ => (false, default(ExchangeKind)),
        };
        return ok;
    }
}
