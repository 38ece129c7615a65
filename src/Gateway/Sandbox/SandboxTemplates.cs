using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// The templates WireMock renders per send (its Scriban transformer), and the functions they call. Each accepting
/// answer gets a fresh message id, as the real providers never reuse one (so a callback matches exactly one message,
/// even across sandbox restarts on one database); each callback carries the id read back from the answer it follows,
/// the values the request sent, and the time it goes out.
/// </summary>
/// <remarks>
/// Scriban, not Handlebars: WireMock builds a new template context per render, three per webhook, and its Handlebars
/// context registers every helper each time (~50-150 ms a render on this kind of machine), which held each answer
/// back long enough that a burst of sends overran the scenarios' deadlines of seconds. Scriban renders in ~1 ms.
/// </remarks>
internal static class SandboxTemplates
{
    /// <summary>A fresh wamid: "wamid." and base64, like Meta's.</summary>
    public const string FreshWamid = "{{ sandbox_wamid }}";

    /// <summary>A fresh Baileys message id: "3EB0" and upper-case hex, like the recorded ones.</summary>
    public const string FreshEvolutionKeyId = "{{ sandbox_key_id }}";

    /// <summary>A member of the JSON body the gateway sent.</summary>
    public static string FromRequest(string member) => "{{ request.BodyAsJson." + member + " }}";

    /// <summary>A value of the double's own answer to that request: a dotted path into its JSON body (<c>messages.0.id</c>).</summary>
    public static string FromAnswer(string path) => "{{ sandbox_answer response.BodyData.BodyAsString \"" + path + "\" }}";

    /// <summary>Meta's webhook <c>timestamp</c>: Unix seconds when the callback goes out, <paramref name="after"/> the answer.</summary>
    public static string UnixTime(TimeSpan after) => Time("unix", after);

    /// <summary>Evolution's webhook <c>date_time</c>: ISO 8601 UTC when the callback goes out, <paramref name="after"/> the answer.</summary>
    public static string IsoTime(TimeSpan after) => Time("iso", after);

    /// <summary>Adds the sandbox functions to the script object WireMock hands over for each render.</summary>
    public static void Register(object scriptObject, TimeProvider time)
    {
        var functions = (ScriptObject)scriptObject;
        functions.Import("sandbox_wamid", new Func<string>(() => "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
        functions.Import("sandbox_key_id", new Func<string>(() => "3EB0" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        functions.Import("sandbox_answer", new Func<string?, string, string>(Answered));
        // Callbacks are rendered when the answer goes out and sent after their delay, so the delay is added: the
        // gateway then stores the time the event says it happened.
        functions.Import("sandbox_time", new Func<string, int, string>((format, afterMs) =>
        {
            var at = time.GetUtcNow().AddMilliseconds(afterMs);
            return format == "unix"
                ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                : at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }));
    }

    private static string Time(string format, TimeSpan after) =>
        "{{ sandbox_time \"" + format + "\" " + ((int)after.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " }}";

    private static string Answered(string? body, string path)
    {
        try
        {
            var node = body is null ? null : JsonNode.Parse(body);
            foreach (var step in path.Split('.'))
                node = int.TryParse(step, CultureInfo.InvariantCulture, out var i) ? (node as JsonArray)?.ElementAtOrDefault(i) : (node as JsonObject)?[step];
            return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
