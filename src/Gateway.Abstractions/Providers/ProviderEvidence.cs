namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>The provider's own words behind an outcome, kept beside the normalized code (secrets removed).</summary>
/// <param name="Provider">Provider name (<c>meta</c>, <c>baileys</c>).</param>
/// <param name="HttpStatus">HTTP status of the answer, when there was one.</param>
/// <param name="ProviderCode">The provider's error code (Meta <c>error.code</c>, Baileys ack stub such as <c>463</c>).</param>
/// <param name="ProviderSubcode">The provider's sub-code (Meta <c>error_subcode</c>).</param>
/// <param name="ProviderMessage">The provider's most useful human text (Meta <c>error_data.details</c>, Evolution <c>response.message</c>).</param>
/// <param name="TraceId">The provider's trace id (Meta <c>fbtrace_id</c>).</param>
/// <param name="RawBody">The raw answer, secrets removed and length-capped.</param>
public sealed record ProviderEvidence(
    string Provider,
    int? HttpStatus = null,
    string? ProviderCode = null,
    string? ProviderSubcode = null,
    string? ProviderMessage = null,
    string? TraceId = null,
    string? RawBody = null);
