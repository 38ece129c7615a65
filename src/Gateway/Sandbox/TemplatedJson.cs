using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// A recorded JSON body in which some string values become templates that WireMock renders per request.
/// The templates go in after serialization: their own quotes (<c>"messages.0.id"</c>) must reach Scriban unescaped.
/// </summary>
internal sealed class TemplatedJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly JsonNode root;
    private readonly string source;
    private readonly List<string> templates = [];

    private TemplatedJson(JsonNode root, string source) => (this.root, this.source) = (root, source);

    /// <summary>Parses <paramref name="json"/>, or null when it is not a JSON object (an answer with no JSON body).</summary>
    /// <param name="json">The recorded body.</param>
    /// <param name="source">Names the body in errors: the fixture file.</param>
    public static TemplatedJson? TryParse(string? json, string source)
    {
        try
        {
            return json is not null && JsonNode.Parse(json) is JsonObject root ? new TemplatedJson(root, source) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The object at <paramref name="path"/> (member names and array indexes); a recorded body of another shape
    /// is a wrong fixture in the scenario table, so it stops the sandbox at start, naming the file.
    /// </summary>
    public JsonObject At(params object[] path) => Find(path) as JsonObject
        ?? throw new InvalidOperationException($"{source} has no object at {string.Join('.', path)}");

    /// <summary>The object at <paramref name="path"/>, or null when the body has none.</summary>
    public JsonObject? Find(params object[] path)
    {
        JsonNode? node = root;
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (JsonObject o, string name) => o[name],
                (JsonArray a, int i) when i < a.Count => a[i],
                _ => null,
            };
        }

        return node as JsonObject;
    }

    /// <summary>Sets <paramref name="parent"/>'s <paramref name="name"/> to a string the template renders.</summary>
    public void Set(JsonObject parent, string name, string template)
    {
        parent[name] = Slot(templates.Count);
        templates.Add(template);
    }

    /// <summary>The template text WireMock renders.</summary>
    public override string ToString()
    {
        var text = root.ToJsonString(Options);
        // Scriban reads "{{" as the start of code: a recorded body holding one cannot be a template (none does).
        if (text.Contains("{{", StringComparison.Ordinal)) throw new InvalidOperationException($"{source} holds \"{{{{\" and cannot be a template");
        for (var i = 0; i < templates.Count; i++) text = text.Replace(Slot(i), templates[i], StringComparison.Ordinal);
        return text;
    }

    private static string Slot(int index) => $"@@sandbox-template-{index}@@";
}
