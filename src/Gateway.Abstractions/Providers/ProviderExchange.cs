namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>One captured provider answer (or webhook body) to classify.</summary>
/// <param name="Kind">Which path it came from.</param>
/// <param name="HttpStatus">The HTTP status, or null for webhooks and unknown statuses.</param>
/// <param name="Body">The raw body text (JSON, HTML, empty…).</param>
/// <param name="Headers">Response headers that matter (Meta <c>X-Business-Use-Case-Usage</c>); case-insensitive keys.</param>
/// <param name="History">Inbound history of the contact, when the caller knows it.</param>
public sealed record ProviderExchange(
    ExchangeKind Kind,
    int? HttpStatus,
    string? Body,
    IReadOnlyDictionary<string, string>? Headers = null,
    InboundHistory History = InboundHistory.Unknown);
