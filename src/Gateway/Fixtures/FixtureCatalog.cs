using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>Finds and reads the fixture files under a root (<c>fixtures/</c>); a file it cannot read is kept with its <see cref="FixtureFile.Problem"/>.</summary>
internal static class FixtureCatalog
{
    /// <summary>The <c>fixtures/</c> folder: the given one, else the first found walking up from the working folder and from the program's folder.</summary>
    public static string? FindRoot(string? given = null)
    {
        if (given is not null) return Directory.Exists(given) ? Path.GetFullPath(given) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "fixtures");
                if (Directory.Exists(Path.Combine(candidate, "meta"))) return candidate;
            }
        }

        return null;
    }

    /// <summary>Every <c>*.json</c> two folders deep under <paramref name="root"/>, in name order.</summary>
    public static IReadOnlyList<FixtureFile> Load(string root) =>
        Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(path => Read(root, path))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads one file.</summary>
    public static FixtureFile Read(string root, string path)
    {
        var name = Path.GetRelativePath(root, path).Replace('\\', '/');
        var parts = name.Split('/');
        var file = new FixtureFile(name, path, parts.Length > 2 ? parts[0] : "", parts.Length > 2 ? parts[1] : "");
        if (parts.Length != 3) return file with { Problem = "fixtures live at <provider>/<operation>/<name>.json" };
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return ReadMapping(file, doc.RootElement);
        }
        catch (JsonException ex)
        {
            return file with { Problem = $"not valid JSON: {ex.Message}" };
        }
    }

    private static FixtureFile ReadMapping(FixtureFile file, JsonElement mapping)
    {
        if (mapping.ValueKind != JsonValueKind.Object) return file with { Problem = "a fixture is one mapping object" };
        if (!mapping.TryGetProperty("Data", out var data) || !data.TryGetProperty("expect", out var expect))
            return file with { Problem = "no Data.expect" };
        if (ReadExpectation(expect, out var expectation) is { } problem) return file with { Problem = problem };

        var request = mapping.TryGetProperty("Request", out var r) ? r : default;
        var response = mapping.TryGetProperty("Response", out var rs) && rs.ValueKind == JsonValueKind.Object ? rs : default;
        var pathPattern = FirstPattern(request, "Path");
        var bodyPattern = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("Body", out var body)
            && body.TryGetProperty("Matcher", out var matcher) && matcher.TryGetProperty("Pattern", out var pattern)
            ? pattern.GetRawText()
            : null;
        return file with
        {
            Expect = expectation,
            History = Text(data, "history") switch { "none" => InboundHistory.None, "known" => InboundHistory.Known, _ => InboundHistory.Unknown },
            Source = Text(data, "source"),
            Method = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("Methods", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0
                ? m[0].GetString()?.ToUpperInvariant()
                : null,
            PathPattern = pathPattern,
            BodyPattern = bodyPattern,
            Key = KeyOf(file, pathPattern, request, bodyPattern),
            ResponseStatus = response.ValueKind == JsonValueKind.Object && response.TryGetProperty("StatusCode", out var sc) && sc.TryGetInt32(out var code) ? code : null,
            ResponseBody = response.ValueKind != JsonValueKind.Object ? null
                : response.TryGetProperty("BodyAsJson", out var json) ? json.GetRawText()
                : Text(response, "Body"),
            ResponseHeaders = response.ValueKind == JsonValueKind.Object && response.TryGetProperty("Headers", out var hs) && hs.ValueKind == JsonValueKind.Object
                ? hs.EnumerateObject().ToDictionary(
                    h => h.Name,
                    h => h.Value.ValueKind == JsonValueKind.Array ? string.Join(",", h.Value.EnumerateArray().Select(v => v.ToString())) : h.Value.ToString(),
                    StringComparer.OrdinalIgnoreCase)
                : null,
        };
    }

    private static string? ReadExpectation(JsonElement expect, out FixtureExpectation? expectation)
    {
        expectation = null;
        if (!OutcomeNames.TryParse(Text(expect, "outcome"), out var outcome)) return $"Data.expect.outcome '{Text(expect, "outcome")}' is not an outcome";
        if (ReadCode(expect, out var code) is { } problem) return problem;
        List<(OutcomeKind, ErrorCode?)>? events = null;
        if (expect.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            events = [];
            foreach (var e in list.EnumerateArray())
            {
                if (!OutcomeNames.TryParse(Text(e, "outcome"), out var k)) return $"Data.expect.events: '{Text(e, "outcome")}' is not an outcome";
                if (ReadCode(e, out var c) is { } p) return p;
                events.Add((k, c));
            }
        }

        expectation = new FixtureExpectation(outcome, code)
        {
            Retryable = expect.TryGetProperty("retryable", out var rt) && rt.ValueKind is JsonValueKind.True or JsonValueKind.False ? rt.GetBoolean() : null,
            Attempt = Text(expect, "attempt") switch { "unknown" => SendAttempt.Unknown, "not-sent" => SendAttempt.NotSent, "answered" => SendAttempt.Answered, _ => null },
            ProviderMessageId = Text(expect, "providerMessageId"),
            ProviderCode = Text(expect, "providerCode"),
            Rule = Text(expect, "rule"),
            Events = events,
        };
        return null;
    }

    // The coverage gate: an expected code must be one of the 21 exact names.
    private static string? ReadCode(JsonElement expect, out ErrorCode? code)
    {
        code = null;
        if (!expect.TryGetProperty("code", out var c) || c.ValueKind == JsonValueKind.Null) return null;
        if (c.ValueKind != JsonValueKind.String || !ErrorCatalog.TryParse(c.GetString(), out var parsed))
            return $"Data.expect.code {c.GetRawText()} is not one of the 21 codes";
        code = parsed;
        return null;
    }

    private static string? KeyOf(FixtureFile file, string? pathPattern, JsonElement request, string? bodyPattern)
    {
        var segments = pathPattern?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (file.Provider == "meta") return segments.Length > 1 ? segments[1] : null;
        if (file.Operation == "fetch-instances")
        {
            if (request.ValueKind == JsonValueKind.Object && request.TryGetProperty("Params", out var ps) && ps.ValueKind == JsonValueKind.Array)
                foreach (var p in ps.EnumerateArray())
                    if (Text(p, "Name") == "instanceName" && p.TryGetProperty("Matchers", out var ms) && ms.GetArrayLength() > 0) return Text(ms[0], "Pattern");
            return null;
        }

        if (bodyPattern is not null && segments is ["instance", "create"])
        {
            using var body = JsonDocument.Parse(bodyPattern);
            return Text(body.RootElement, "instanceName");
        }

        return segments.Length > 0 ? segments[^1] : null;
    }

    private static string? FirstPattern(JsonElement request, string member)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty(member, out var m)) return null;
        if (m.ValueKind == JsonValueKind.String) return m.GetString();
        return m.ValueKind == JsonValueKind.Object && m.TryGetProperty("Matchers", out var ms) && ms.ValueKind == JsonValueKind.Array && ms.GetArrayLength() > 0
            ? Text(ms[0], "Pattern")
            : null;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
