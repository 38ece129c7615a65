using System.Globalization;
using HandlebarsDotNet;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// The Handlebars templates WireMock renders per send. Each accepting answer gets a fresh message id, as the real
/// providers never reuse one (so a callback matches exactly one message, even across sandbox restarts on one
/// database); each callback carries the id read back from the answer it follows, the values the request sent, and
/// the time it goes out. Triple braces: values go out as they are, not HTML-escaped (a wamid can end in '=').
/// </summary>
internal static class SandboxTemplates
{
    private const string TimeHelper = "sandboxCallbackTime";

    /// <summary>A fresh wamid: "wamid." and base64, like Meta's.</summary>
    public const string FreshWamid = "wamid.{{{String.Base64Encode (Random Type=\"Guid\")}}}";

    /// <summary>A fresh Baileys message id: "3EB0" and upper-case hex, like the recorded ones.</summary>
    public const string FreshEvolutionKeyId = "3EB0{{{String.Replace (Random Type=\"Guid\") \"-\" \"\"}}}";

    /// <summary>A member of the JSON body the gateway sent.</summary>
    public static string FromRequest(string member) => "{{{request.bodyAsJson." + member + "}}}";

    /// <summary>A value of the double's own answer to that request (a JSONPath into its body).</summary>
    public static string FromAnswer(string jsonPath) => "{{{JsonPath.SelectToken response.BodyData.BodyAsString \"" + jsonPath + "\"}}}";

    /// <summary>Meta's webhook <c>timestamp</c>: Unix seconds when the callback goes out, <paramref name="after"/> the answer.</summary>
    public static string UnixTime(TimeSpan after) => Time("unix", after);

    /// <summary>Evolution's webhook <c>date_time</c>: ISO 8601 UTC when the callback goes out, <paramref name="after"/> the answer.</summary>
    public static string IsoTime(TimeSpan after) => Time("iso", after);

    /// <summary>
    /// Adds the time helper to WireMock's Handlebars. Callbacks are rendered when the answer goes out and sent after
    /// their delay, so the helper adds the delay: the gateway then stores the time the event says it happened.
    /// </summary>
    public static void Register(IHandlebars handlebars, TimeProvider time) =>
        handlebars.RegisterHelper(TimeHelper, (in HelperOptions _, in Context _, in Arguments arguments) =>
        {
            var at = time.GetUtcNow().AddMilliseconds(Convert.ToDouble(arguments[1], CultureInfo.InvariantCulture));
            return (string)arguments[0] == "unix"
                ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                : at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        });

    private static string Time(string format, TimeSpan after) =>
        "{{{" + TimeHelper + " \"" + format + "\" " + ((long)after.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "}}}";
}
