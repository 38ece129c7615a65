using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Providers.Baileys.Instances;
using PilotStatus.Gateway.Providers.Meta;
using PilotStatus.Gateway.Providers.Meta.Sync;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>
/// How each fixture folder is replayed: the real provider call (through the real Refit client) whose answer the
/// fixture holds, or the real webhook parser for webhook folders. One entry per <c>provider/operation</c>.
/// </summary>
internal sealed class FixtureOperations(IServiceProvider services)
{
    /// <summary>The destination every replayed send uses; the fixtures select by path, not by recipient.</summary>
    public const string Destination = "+16505555555";

    public delegate Task<IReadOnlyList<ProviderOutcome>> Replay(FixtureFile file, CancellationToken cancellationToken);

    public IReadOnlyDictionary<string, Replay> All => new Dictionary<string, Replay>(StringComparer.Ordinal)
    {
        ["meta/send-text"] = (f, ct) => Send("meta", f, new OutboundMessage("fx-" + f.Key, Destination, "Hello from the fixtures", null), ct),
        ["meta/send-template"] = (f, ct) => Send("meta", f, new OutboundMessage("fx-" + f.Key, Destination, null, new TemplateContent("order_update", "en_US", ["4821"])), ct),
        ["meta/graph-waba"] = async (f, ct) => [(await Graph.ReadWabaAsync(MetaConnection(f), ct)).Outcome],
        ["meta/graph-templates"] = async (f, ct) => [(await Graph.ReadTemplatesAsync(MetaConnection(f), ct)).Outcome],
        ["meta/graph-phone-numbers"] = async (f, ct) => [(await Graph.ReadPhoneNumbersAsync(MetaConnection(f), ct)).Outcome],
        ["meta/webhook"] = (f, _) => Webhook("meta", f),
        ["baileys/send-text"] = (f, ct) => Send("baileys", f, new OutboundMessage("fx-" + f.Key, Destination, "Hello from the fixtures", null), ct),
        ["baileys/whatsapp-numbers"] = async (f, ct) => [await Instances.CheckNumbersAsync(BaileysConnection(f), [Destination.TrimStart('+')], ct)],
        ["baileys/connection-state"] = async (f, ct) => [await Instances.ConnectionStateAsync(BaileysConnection(f), ct)],
        ["baileys/fetch-instances"] = async (f, ct) => [await Instances.FetchInstanceAsync(BaileysConnection(f), ct)],
        ["baileys/instance"] = async (f, ct) => [await InstanceCall(f, ct)],
        ["baileys/webhook"] = (f, _) => Webhook("baileys", f),
    };

    /// <summary>The Evolution server every Baileys connection points at while replaying: the fixtures' WireMock server.</summary>
    public Uri? EvolutionServer { get; init; }

    private IEvolutionInstanceClient Instances => services.GetRequiredService<IEvolutionInstanceClient>();

    // The instance folder holds several calls; the request matcher's method and path say which one a file answers.
    private Task<ProviderOutcome> InstanceCall(FixtureFile file, CancellationToken cancellationToken)
    {
        var connection = BaileysConnection(file);
        var path = file.PathPattern ?? "";
        return (file.Method, path) switch
        {
            ("POST", _) when path.StartsWith("/instance/create", StringComparison.Ordinal) => Instances.CreateAsync(connection, cancellationToken),
            ("POST", _) when path.StartsWith("/instance/restart/", StringComparison.Ordinal) => Instances.RestartAsync(connection, cancellationToken),
            ("DELETE", _) when path.StartsWith("/instance/logout/", StringComparison.Ordinal) => Instances.LogoutAsync(connection, cancellationToken),
            ("DELETE", _) when path.StartsWith("/instance/delete/", StringComparison.Ordinal) => Instances.DeleteAsync(connection, cancellationToken),
            _ => throw new InvalidOperationException($"{file.Name}: no instance call answers {file.Method} {path}"),
        };
    }

    private ProviderConnection BaileysConnection(FixtureFile file) => new(
        "fx-baileys-" + file.Key,
        "+5511999990000",
        new Dictionary<string, string>
        {
            [BaileysConnectionSettings.ServerUrl] = EvolutionServer?.ToString() ?? "http://127.0.0.1:1/",
            [BaileysConnectionSettings.InstanceName] = file.Key ?? "",
            [BaileysConnectionSettings.ApiKey] = "fixture-apikey",
        });

    private IMetaGraphClient Graph => services.GetRequiredService<IMetaGraphClient>();

    private async Task<IReadOnlyList<ProviderOutcome>> Send(string provider, FixtureFile file, OutboundMessage message, CancellationToken cancellationToken)
    {
        var sender = services.GetServices<IMessageProvider>().Single(p => p.Name == provider);
        var connection = provider == "meta" ? MetaConnection(file) : BaileysConnection(file);
        return [await sender.SendAsync(new ProviderSendRequest(message, connection, file.History), cancellationToken).ConfigureAwait(false)];
    }

    private Task<IReadOnlyList<ProviderOutcome>> Webhook(string provider, FixtureFile file)
    {
        var classifier = services.GetServices<IProviderClassifier>().Single(c => c.Provider == provider);
        return Task.FromResult(classifier.Classify(new ProviderExchange(ExchangeKind.Webhook, null, file.BodyPattern, null, file.History)));
    }

    // A fixture-only token: the fixtures match any bearer token, and nothing real is ever sent.
    private static ProviderConnection MetaConnection(FixtureFile file) => new(
        "fx-meta-" + file.Key,
        "+15550783881",
        new Dictionary<string, string>
        {
            [MetaConnectionSettings.PhoneNumberId] = file.Key ?? "",
            [MetaConnectionSettings.WabaId] = file.Key ?? "",
            [MetaConnectionSettings.SystemToken] = "fixture-token",
        });
}
