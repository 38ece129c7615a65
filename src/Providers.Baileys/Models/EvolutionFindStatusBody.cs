using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Baileys.Models;

/// <summary>The body of <c>POST /chat/findStatusMessage/{instance}</c>: the ack rows of one sent message.</summary>
/// <param name="Where">The filter.</param>
internal sealed record EvolutionFindStatusBody([property: JsonPropertyName("where")] EvolutionStatusWhere Where);
