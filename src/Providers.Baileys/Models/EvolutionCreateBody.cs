using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Baileys.Models;

/// <summary>The body of <c>POST /instance/create</c> for a Baileys instance that pairs by QR code.</summary>
/// <param name="InstanceName">The new instance's name (a name in use answers 403).</param>
internal sealed record EvolutionCreateBody([property: JsonPropertyName("instanceName")] string InstanceName)
{
    [JsonPropertyName("integration")] public string Integration { get; init; } = "WHATSAPP-BAILEYS";
    [JsonPropertyName("qrcode")] public bool Qrcode { get; init; } = true;
}
