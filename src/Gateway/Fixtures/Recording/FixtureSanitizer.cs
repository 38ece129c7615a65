using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures.Recording;

/// <summary>
/// Makes a recorded answer safe to commit: secrets masked (<see cref="SecretRedactor"/>), and every phone number and
/// wamid replaced by a stable placeholder (the same real value gets the same placeholder across one recording, so
/// a send and its webhook still agree). Placeholders keep the shape of what they replace: digits stay digits of the
/// same length, a jid keeps its <c>@s.whatsapp.net</c>.
/// </summary>
internal sealed partial class FixtureSanitizer
{
    // Members that hold a phone number or a jid in Meta's and Evolution's bodies.
    private static readonly HashSet<string> PhoneMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "input", "wa_id", "recipient_id", "from", "display_phone_number", "number", "numbers", "remoteJid", "jid",
        "owner", "ownerJid", "sender", "participant", "phone", "lid",
    };

    private static readonly HashSet<string> SecretMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "apikey", "api_key", "token", "hash", "access_token", "systemToken", "system_token", "appSecret", "app_secret", "secret",
    };

    private readonly Dictionary<string, string> numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> wamids = new(StringComparer.Ordinal);

    /// <summary>A sanitized copy of a JSON value.</summary>
    public JsonNode? Clean(JsonNode? node, string? member = null)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj) copy[name] = Clean(value, name);
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Clean(item, member))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (member is not null && SecretMembers.Contains(member)) return text.Length == 0 ? text : SecretRedactor.Mask;
                return JsonValue.Create(member is not null && PhoneMembers.Contains(member) ? Numbers(CleanText(text)) : CleanText(text));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Text that is not JSON (an HTML page): secrets masked and wamids replaced.</summary>
    public string CleanText(string text) =>
        Wamid().Replace(SecretRedactor.Redact(text) ?? text, m => Placeholder(wamids, m.Value, n => "wamid.RECORDED" + n.ToString("D4", CultureInfo.InvariantCulture)));

    private string Numbers(string text) =>
        Digits().Replace(text, m => Placeholder(numbers, m.Value, n => ("1555" + n.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(m.Value.Length - 4, 1), '0'))[..Math.Max(m.Value.Length, 5)]));

    private static string Placeholder(Dictionary<string, string> seen, string real, Func<int, string> make)
    {
        if (!seen.TryGetValue(real, out var placeholder)) seen[real] = placeholder = make(seen.Count + 1);
        return placeholder;
    }

    [GeneratedRegex(@"wamid\.[A-Za-z0-9_=+/\-]+")]
    private static partial Regex Wamid();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex Digits();
}
