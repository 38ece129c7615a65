namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>Which provider path an answer came from; the same provider code can mean different things on each.</summary>
public enum ExchangeKind
{
    /// <summary>The answer to a send request.</summary>
    SendResponse,

    /// <summary>The answer to a management read (Meta "Sync with Meta": WABA, templates, phone numbers).</summary>
    GraphResponse,

    /// <summary>The answer to an instance call (Evolution connection state, fetch, create, restart, logout, delete).</summary>
    InstanceResponse,

    /// <summary>A webhook POST body, as the provider sends it.</summary>
    Webhook,
}
