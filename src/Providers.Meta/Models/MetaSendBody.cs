using System.Text.Json.Serialization;

namespace PilotStatus.Gateway.Providers.Meta.Models;

/// <summary>The body of <c>POST /{version}/{phone-number-id}/messages</c>, as Meta documents it (snake_case).</summary>
internal sealed record MetaSendBody
{
    [JsonPropertyName("messaging_product")] public string MessagingProduct { get; init; } = "whatsapp";
    [JsonPropertyName("recipient_type")] public string RecipientType { get; init; } = "individual";
    [JsonPropertyName("to")] public required string To { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("text")] public MetaText? Text { get; init; }
    [JsonPropertyName("template")] public MetaTemplate? Template { get; init; }

    /// <summary>The gateway's message id; Meta echoes it in status webhooks so an unknown-result send can be reconciled.</summary>
    [JsonPropertyName("biz_opaque_callback_data")] public string? BizOpaqueCallbackData { get; init; }
}

internal sealed record MetaText(
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("preview_url")] bool PreviewUrl = false);

internal sealed record MetaTemplate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("language")] MetaLanguage Language,
    [property: JsonPropertyName("components")] IReadOnlyList<MetaComponent>? Components);

internal sealed record MetaLanguage([property: JsonPropertyName("code")] string Code);

internal sealed record MetaComponent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("parameters")] IReadOnlyList<MetaParameter> Parameters);

internal sealed record MetaParameter(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text);
