namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>
/// One connection (a WhatsApp number on one provider) as a provider needs it to send. Settings are the provider's
/// own keys (Meta: <c>phoneNumberId</c>, <c>wabaId</c>, <c>systemToken</c>; Baileys: <c>serverUrl</c>,
/// <c>instanceName</c>, <c>apiKey</c>); secrets among them are never logged or returned.
/// </summary>
/// <param name="Id">The gateway's connection id.</param>
/// <param name="Number">The connection's own WhatsApp number, E.164.</param>
/// <param name="Settings">Provider-specific settings, secrets included.</param>
public sealed record ProviderConnection(string Id, string Number, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>A setting's value, or null when absent or blank.</summary>
    public string? Setting(string key) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"ProviderConnection {{ Id = {Id} }}";
}
