using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Connections;

/// <summary>Encrypts a connection's secret settings at rest (ASP.NET Core Data Protection) and rebuilds the provider's view of it.</summary>
internal sealed class ConnectionSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("PilotStatus.Gateway.ConnectionSecrets.v1");

    public string Protect(IReadOnlyDictionary<string, string> secrets) => protector.Protect(JsonSerializer.Serialize(secrets));

    /// <summary>The connection as a provider needs it: its settings and its decrypted secrets together.</summary>
    public ProviderConnection ForProvider(ConnectionRecord connection)
    {
        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(connection.ProtectedSecrets)) ?? [];
        var settings = new Dictionary<string, string>(connection.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in secrets) settings[key] = value;
        return new ProviderConnection(connection.Id, connection.Number, settings);
    }
}
