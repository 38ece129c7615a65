using System.Globalization;
using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>
/// Reads Evolution JSON checking every value's kind: a member of the wrong type is treated as absent, never as an
/// exception (stripe-dotnet style).
/// </summary>
internal static class EvolutionJsonReader
{
    /// <summary>A member of an object, or null when <paramref name="obj"/> is not an object or has no such member.</summary>
    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : null;

    /// <summary>A string member, or null when absent or not a string.</summary>
    public static string? String(JsonElement obj, string name) =>
        Member(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>An integer member given as a number or a numeric string, or null.</summary>
    public static int? Int(JsonElement obj, string name) => Member(obj, name) is { } v ? Int(v) : null;

    /// <summary>An integer given as a number or a numeric string, or null.</summary>
    public static int? Int(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>True only when the member is the JSON literal <c>true</c>.</summary>
    public static bool IsTrue(JsonElement obj, string name) => Member(obj, name) is { ValueKind: JsonValueKind.True };

    /// <summary>A scalar as text (strings as they are, numbers in their JSON form), or null for anything else.</summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// Every string in <paramref name="message"/>: the string itself, or the strings of an array and of its nested
    /// arrays (<c>string | string[] | string[][]</c>). Objects are skipped: they are matched by shape, not by text.
    /// </summary>
    public static List<string> Flatten(JsonElement? message)
    {
        var texts = new List<string>();
        if (message is { } m) Collect(m, texts);
        return texts;
    }

    private static void Collect(JsonElement value, List<string> texts)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.GetString() is { Length: > 0 } text) texts.Add(text);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) Collect(item, texts);
        }
    }
}
