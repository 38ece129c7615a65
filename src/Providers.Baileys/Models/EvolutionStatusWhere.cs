using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Baileys.Models;

/// <summary>The <c>where</c> filter of <see cref="EvolutionFindStatusBody"/>.</summary>
/// <param name="KeyId">The <c>key.id</c> the send answer returned.</param>
internal sealed record EvolutionStatusWhere([property: JsonPropertyName("keyId")] string KeyId);
