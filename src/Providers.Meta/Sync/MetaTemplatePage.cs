using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PilotStatus.Gateway.Providers.Meta.Mapping;

namespace PilotStatus.Gateway.Providers.Meta.Sync;

/// <summary>Reads one page of <c>message_templates</c>: <c>{"data":[…],"paging":{"cursors":{"after"},"next"}}</c>.</summary>
internal static class MetaTemplatePage
{
    /// <summary>Adds the page's templates to <paramref name="into"/>; returns the cursor of the next page, or null on the last.</summary>
    public static string? Read(string? body, List<MetaTemplateInfo> into)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in data.EnumerateArray())
                    if (Template(item) is { } template) into.Add(template);
            }

            // Meta leaves `next` out on the last page; the cursor to ask for is `after`.
            if (!root.TryGetProperty("paging", out var paging) || JsonMember.String(paging, "next") is null) return null;
            return paging.TryGetProperty("cursors", out var cursors) ? JsonMember.String(cursors, "after") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MetaTemplateInfo? Template(JsonElement item)
    {
        var name = JsonMember.String(item, "name");
        var language = JsonMember.String(item, "language");
        if (name is null || language is null) return null;
        var status = JsonMember.String(item, "status") ?? "UNKNOWN";
        var components = item.TryGetProperty("components", out var c) ? c.GetRawText() : "[]";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{language}\n{status}\n{components}"));
        return new MetaTemplateInfo(JsonMember.String(item, "id") ?? "", name, language, status, JsonMember.String(item, "category"), components, Convert.ToHexStringLower(hash)[..12])
        {
            BodyText = BodyText(c),
        };
    }

    private static string? BodyText(JsonElement components)
    {
        if (components.ValueKind != JsonValueKind.Array) return null;
        foreach (var component in components.EnumerateArray())
            if (string.Equals(JsonMember.String(component, "type"), "BODY", StringComparison.OrdinalIgnoreCase))
                return JsonMember.String(component, "text");
        return null;
    }
}
