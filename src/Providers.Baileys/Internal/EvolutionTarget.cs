using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Baileys.Internal;

/// <summary>Where a connection's calls go: its server, its instance NAME and its key (secret, never logged).</summary>
internal sealed record EvolutionTarget(string Server, string Instance, string ApiKey)
{
    /// <summary>The connection's target, or null when a setting is missing or <c>serverUrl</c> is not an absolute http(s) URL.</summary>
    public static EvolutionTarget? Of(ProviderConnection connection) =>
        connection.Setting(BaileysConnectionSettings.ServerUrl) is { } server && TryParseServer(server, out _)
        && connection.Setting(BaileysConnectionSettings.InstanceName) is { } instance
        && connection.Setting(BaileysConnectionSettings.ApiKey) is { } apiKey
            ? new EvolutionTarget(server, instance, apiKey)
            : null;

    /// <summary>True when <paramref name="server"/> is an absolute http or https URL.</summary>
    public static bool TryParseServer(string? server, out Uri uri) =>
        Uri.TryCreate(server, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <inheritdoc />
    public override string ToString() => $"EvolutionTarget {{ Server = {Server}, Instance = {Instance} }}";
}
