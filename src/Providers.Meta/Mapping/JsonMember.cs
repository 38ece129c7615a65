using System.Globalization;
using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>Typed members of a parsed JSON object; a member of the wrong type is treated as absent, never as an exception.</summary>
internal static class JsonMember
{
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
