namespace PilotStatus.Gateway.Messages;

/// <summary><c>POST /v1/messages</c>: <c>{"to","text"?,"template"?:{"name","language","version"?,"parameters"?},"deliverUntil"?,"idempotencyKey"?}</c>.</summary>
internal sealed record MessageRequest(string? To, string? Text, TemplateRequest? Template, DateTimeOffset? DeliverUntil, string? IdempotencyKey)
{
    /// <summary>WhatsApp's limit on a text message body.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Why the request cannot be accepted at all (answered 400, nothing stored), or null.</summary>
    public string? Problem(DateTimeOffset now) => this switch
    {
        { To: null or "" } => "\"to\" is required.",
        { Text: null, Template: null } => "Either \"text\" or \"template\" is required.",
        { Text: not null, Template: not null } => "Send either \"text\" or \"template\", not both.",
        { Text: { Length: 0 or > MaxTextLength } } => $"\"text\" must have 1 to {MaxTextLength} characters.",
        { Template: { Name: null or "" } or { Language: null or "" } } => "\"template\" needs \"name\" and \"language\".",
        { IdempotencyKey.Length: > 200 } => "\"idempotencyKey\" has at most 200 characters.",
        { DeliverUntil: { } until } when until <= now => "\"deliverUntil\" is in the past.",
        _ => null,
    };
}

/// <summary>A template asked for by name, language and (optionally) version, with its body parameters.</summary>
internal sealed record TemplateRequest(string? Name, string? Language, string? Version, IReadOnlyList<string>? Parameters);
