using System.Text.Json;
using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Meta.Models;

/// <summary>Serializer options for Graph API bodies: snake_case, nulls left out (Meta rejects unknown nulls).</summary>
internal static class MetaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
