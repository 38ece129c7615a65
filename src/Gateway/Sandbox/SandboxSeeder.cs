using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Providers.Meta;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>Creates the sandbox's demo connections and fixed API keys at start (idempotent: a restart finds them there).</summary>
internal sealed class SandboxSeeder(IGatewayStore store, ConnectionSecrets secrets, SandboxDoubles doubles, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await Add(SandboxScenarios.MetaConnectionId, "meta", SandboxScenarios.MetaNumber, false,
            new() { [MetaConnectionSettings.PhoneNumberId] = SandboxScenarios.MetaPhoneNumberId, [MetaConnectionSettings.WabaId] = SandboxScenarios.MetaWabaId },
            new() { [MetaConnectionSettings.SystemToken] = "sandbox-system-token" }, SandboxScenarios.MetaKey, now, cancellationToken);
        await Add(SandboxScenarios.MetaTemplateOnlyConnectionId, "meta", SandboxScenarios.MetaTemplateOnlyNumber, true,
            new() { [MetaConnectionSettings.PhoneNumberId] = SandboxScenarios.MetaTemplateOnlyPhoneNumberId, [MetaConnectionSettings.WabaId] = SandboxScenarios.MetaWabaId, [MetaConnectionSettings.TemplateOnly] = "true" },
            new() { [MetaConnectionSettings.SystemToken] = "sandbox-system-token" }, SandboxScenarios.MetaTemplateOnlyKey, now, cancellationToken);
        await Add(SandboxScenarios.MetaBrokenWabaConnectionId, "meta", "+15550783883", false,
            new() { [MetaConnectionSettings.PhoneNumberId] = "109900000000003", [MetaConnectionSettings.WabaId] = SandboxScenarios.MetaBrokenWabaId },
            new() { [MetaConnectionSettings.SystemToken] = "sandbox-system-token" }, null, now, cancellationToken);
        await Add(SandboxScenarios.BaileysConnectionId, "baileys", SandboxScenarios.BaileysNumber, false,
            new() { [BaileysConnectionSettings.ServerUrl] = doubles.Url, [BaileysConnectionSettings.InstanceName] = SandboxScenarios.BaileysInstance },
            new() { [BaileysConnectionSettings.ApiKey] = SandboxScenarios.EvolutionApiKey }, SandboxScenarios.BaileysKey, now, cancellationToken);
        await Add(SandboxScenarios.BaileysOfflineConnectionId, "baileys", SandboxScenarios.BaileysOfflineNumber, false,
            new() { [BaileysConnectionSettings.ServerUrl] = doubles.Url, [BaileysConnectionSettings.InstanceName] = SandboxScenarios.BaileysOfflineInstance },
            new() { [BaileysConnectionSettings.ApiKey] = SandboxScenarios.EvolutionApiKey }, SandboxScenarios.BaileysOfflineKey, now, cancellationToken);

        // As if its Evolution server had sent connection.update close: messages wait for it, QUEUED and unattempted.
        await store.SetConnectionStateAsync(SandboxScenarios.BaileysOfflineConnectionId, ConnectionState.Down, now, cancellationToken);

        // The "outside the 24 h window" contact wrote two days ago; every other contact never did, so Meta's 131047
        // reads as META_NO_CONVERSATION for them (a connection with no inbound at all could not tell).
        await store.RecordContactAsync(SandboxScenarios.MetaConnectionId, SandboxScenarios.WroteTwoDaysAgo, null, now.AddDays(-2), now, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Add(string id, string provider, string number, bool templateOnly, Dictionary<string, string> settings, Dictionary<string, string> secret,
        string? apiKey, DateTimeOffset now, CancellationToken ct)
    {
        // The doubles listen on a new port each start: the stored connection is replaced so it points at this run's.
        await store.DeleteConnectionAsync(id, ct);
        await store.TryAddConnectionAsync(new ConnectionRecord
        {
            Id = id, Provider = provider, Number = number, Settings = settings, ProtectedSecrets = secrets.Protect(secret), TemplateOnly = templateOnly, CreatedAt = now,
        }, int.MaxValue, ct);
        if (apiKey is not null && await store.FindApiKeyByHashAsync(Secrets.Hash(apiKey), ct) is null)
            await store.AddApiKeyAsync(new ApiKeyRecord("key_" + apiKey.Replace('-', '_'), Secrets.Hash(apiKey), id, now), ct);
    }
}
