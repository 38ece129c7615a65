using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>One fixture file as the replayer needs it: where it is, which call replays it, and what it must map to.</summary>
/// <param name="Name">Path relative to the fixtures root, with forward slashes (<c>meta/send-text/131047-outside-window.json</c>).</param>
/// <param name="FullPath">Absolute path.</param>
/// <param name="Provider">First folder: <c>meta</c>, <c>baileys</c>.</param>
/// <param name="Operation">Second folder: <c>send-text</c>, <c>webhook</c>, …</param>
internal sealed record FixtureFile(string Name, string FullPath, string Provider, string Operation)
{
    /// <summary>The expectation, or null when <see cref="Problem"/> says why it could not be read.</summary>
    public FixtureExpectation? Expect { get; init; }

    /// <summary>Why the file is not a usable fixture; null when it is.</summary>
    public string? Problem { get; init; }

    /// <summary>What the gateway knows of the contact's inbound messages (<c>Data.history</c>).</summary>
    public InboundHistory History { get; init; }

    /// <summary>The HTTP method of the request matcher.</summary>
    public string? Method { get; init; }

    /// <summary>The path pattern of the request matcher.</summary>
    public string? PathPattern { get; init; }

    /// <summary>The request's unique key: phone-number-id, WABA id or instance name.</summary>
    public string? Key { get; init; }

    /// <summary>The request body pattern as JSON text: the webhook body, for webhook fixtures.</summary>
    public string? BodyPattern { get; init; }

    /// <summary>Where the shape comes from (<c>Data.source</c>).</summary>
    public string? Source { get; init; }

    /// <summary>The recorded answer's HTTP status.</summary>
    public int? ResponseStatus { get; init; }

    /// <summary>The recorded answer's body as text (<c>BodyAsJson</c> as JSON text, or <c>Body</c>).</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The recorded answer's headers.</summary>
    public IReadOnlyDictionary<string, string>? ResponseHeaders { get; init; }

    /// <summary>Which provider path the folder holds.</summary>
    public ExchangeKind Kind => (Provider, Operation) switch
    {
        (_, "webhook") => ExchangeKind.Webhook,
        ("meta", var op) when op.StartsWith("graph-", StringComparison.Ordinal) => ExchangeKind.GraphResponse,
        (_, var op) when op.StartsWith("send-", StringComparison.Ordinal) => ExchangeKind.SendResponse,
        _ => ExchangeKind.InstanceResponse,
    };

    /// <summary>The exchange the file records, for offline classification: the webhook body, or the recorded answer.</summary>
    public ProviderExchange Exchange => Kind == ExchangeKind.Webhook
        ? new ProviderExchange(ExchangeKind.Webhook, null, BodyPattern, null, History)
        : new ProviderExchange(Kind, ResponseStatus, ResponseBody, ResponseHeaders, History);
}
