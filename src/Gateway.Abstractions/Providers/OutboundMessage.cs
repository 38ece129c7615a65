namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>One message to send: free-form text or a template, never both.</summary>
/// <param name="MessageId">The gateway's own message id; providers echo it where they can (Meta <c>biz_opaque_callback_data</c>).</param>
/// <param name="To">The destination in E.164, already normalized by the gateway (<c>+5511999999999</c>).</param>
/// <param name="Text">Free-form text, or null for a template message.</param>
/// <param name="Template">The template, or null for free-form text.</param>
public sealed record OutboundMessage(string MessageId, string To, string? Text, TemplateContent? Template);
