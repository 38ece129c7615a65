using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Baileys.Models;

/// <summary>The body of <c>POST /chat/whatsappNumbers/{instance}</c>.</summary>
/// <param name="Numbers">The numbers to check, E.164 without '+'.</param>
internal sealed record EvolutionNumbersBody([property: JsonPropertyName("numbers")] IReadOnlyList<string> Numbers);
