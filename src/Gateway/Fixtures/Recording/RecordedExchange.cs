namespace PilotStatus.Gateway.Fixtures.Recording;

/// <summary>One request that went through the recording proxy, and the provider's answer.</summary>
internal sealed record RecordedExchange(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? RequestBody,
    int Status,
    string? ResponseBody,
    IReadOnlyDictionary<string, string> ResponseHeaders);
