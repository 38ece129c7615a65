using System.Text.Json;
using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Baileys.Models;

/// <summary>Serializer options for Evolution API bodies: camelCase (names are pinned per DTO), nulls left out.</summary>
internal static class EvolutionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
