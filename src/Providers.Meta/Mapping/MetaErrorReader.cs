using System.Globalization;
using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>
/// Reads Meta error objects from parsed JSON, checking every value's kind: a field of the wrong type is treated as
/// absent, never as an exception (stripe-dotnet style).
/// </summary>
internal static class MetaErrorReader
{
    /// <summary>
    /// Finds the error in an answer body: the Graph envelope <c>{"error":{…}}</c>, the On-Premises envelope
    /// <c>{"errors":[{…}]}</c>, or a BSP relay's bare <c>{"code":470,"reason":…}</c>.
    /// </summary>
    public static MetaError? FromAnswer(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object) return FromItem(error);
            if (error.ValueKind == JsonValueKind.String) return new MetaError(null, null, error.GetString(), null, null, null, false);
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in errors.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object) return FromItem(item);
        }

        return root.TryGetProperty("code", out _) && (root.TryGetProperty("reason", out _) || root.TryGetProperty("title", out _))
            ? FromItem(root)
            : null;
    }

    /// <summary>Reads one error object in any of Meta's shapes (Graph, v16+ webhook, older webhook, On-Premises).</summary>
    public static MetaError FromItem(JsonElement item)
    {
        string? details = null;
        if (item.TryGetProperty("error_data", out var data))
        {
            details = data.ValueKind switch
            {
                JsonValueKind.Object => String(data, "details"),
                JsonValueKind.String => data.GetString(),
                _ => null,
            };
        }

        details ??= String(item, "details") ?? String(item, "reason");
        return new MetaError(
            Code: Int(item, "code"),
            Subcode: Int(item, "error_subcode"),
            Message: String(item, "message") ?? String(item, "error_user_msg"),
            Title: String(item, "title") ?? String(item, "error_user_title"),
            Details: details,
            TraceId: String(item, "fbtrace_id"),
            IsTransient: item.TryGetProperty("is_transient", out var t) && t.ValueKind == JsonValueKind.True);
    }

    /// <summary>A string member, or null when absent or not a string.</summary>
    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An integer member given as a number or a numeric string, or null.</summary>
    public static int? Int(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
