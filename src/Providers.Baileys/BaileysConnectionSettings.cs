using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Baileys;

/// <summary>The setting keys a Baileys (Evolution API) connection carries in <see cref="ProviderConnection.Settings"/>.</summary>
public static class BaileysConnectionSettings
{
    /// <summary>The Evolution API server, absolute http(s) URL, optionally with a path base (<c>https://evo.example.com/evolution</c>).</summary>
    public const string ServerUrl = "serverUrl";

    /// <summary>The instance NAME on that server (Evolution routes take the name, never the instance id).</summary>
    public const string InstanceName = "instanceName";

    /// <summary>The <c>apikey</c> header value: the global key or the instance token (secret).</summary>
    public const string ApiKey = "apiKey";
}
