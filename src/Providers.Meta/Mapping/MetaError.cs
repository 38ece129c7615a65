namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>One Meta error as read from any envelope: Graph <c>error</c>, On-Premises <c>errors[]</c>, or a webhook error item.</summary>
/// <param name="Code">Meta's <c>code</c>; null when the body has none (title-only legacy errors).</param>
/// <param name="Subcode">Meta's <c>error_subcode</c> (documented as deprecated, still sent).</param>
/// <param name="Message">The <c>message</c>, usually <c>"(#code) Title"</c>.</param>
/// <param name="Title">The <c>title</c> (webhook and legacy items).</param>
/// <param name="Details">The <c>error_data.details</c> (or legacy <c>details</c>): Meta's most useful human text.</param>
/// <param name="TraceId">The <c>fbtrace_id</c>.</param>
/// <param name="IsTransient">Graph's <c>is_transient</c> flag.</param>
internal sealed record MetaError(
    int? Code,
    int? Subcode,
    string? Message,
    string? Title,
    string? Details,
    string? TraceId,
    bool IsTransient)
{
    /// <summary>The provider's own words, most specific first.</summary>
    public string? Words => Details ?? Message ?? Title;
}
