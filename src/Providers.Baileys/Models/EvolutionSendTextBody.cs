using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Baileys.Models;

/// <summary>The body of <c>POST /message/sendText/{instance}</c>; v2 rejects the v1 <c>textMessage</c> shape (message.schema.ts:68).</summary>
/// <param name="Number">The destination in E.164 without '+'.</param>
/// <param name="Text">The text to send.</param>
internal sealed record EvolutionSendTextBody(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("text")] string Text);
