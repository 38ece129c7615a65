namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>What <see cref="MetaAnswerReader"/> found in a synchronous answer body.</summary>
/// <param name="IsObject">The body's root is a JSON object.</param>
/// <param name="Error">The error it carries, in any of Meta's envelopes, or null.</param>
/// <param name="MessageId">The accepted message's id (<c>messages[0].id</c>).</param>
/// <param name="WaId">The recipient's WhatsApp id (<c>contacts[0].wa_id</c>).</param>
internal readonly record struct MetaAnswer(bool IsObject, MetaError? Error, string? MessageId, string? WaId);
