using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Hosting;
using WireMock.Server;
using WireMock.Settings;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>
/// One WireMock server holding every fixture, and the real providers pointed at it. Replays a fixture through the
/// real Refit client and the real mapper and compares the outcome with the file's <c>Data.expect</c>.
/// </summary>
internal sealed class FixtureReplayer : IDisposable
{
    /// <summary>The send timeout while replaying: shorter than the delayed fixtures' 20 s, long enough for any other answer on a loaded machine, so those end as unknown results.</summary>
    public static readonly TimeSpan ReplayTimeout = TimeSpan.FromSeconds(8);

    private readonly WireMockServer server;
    private readonly ServiceProvider services;
    private readonly IReadOnlyDictionary<string, FixtureOperations.Replay> operations;

    public FixtureReplayer(string root)
    {
        Root = root;
        Files = FixtureCatalog.Load(root);
        server = WireMockServer.Start(new WireMockServerSettings
        {
            StartAdminInterface = false,
            WatchStaticMappingsInSubdirectories = true,
        });
        server.ReadStaticMappings(root);
        LoadedMappings = server.Mappings.Count();
        var baseUrl = new Uri(server.Url!);
        services = ProviderRegistration.BuildOffline(endpoints =>
        {
            endpoints.Meta = o => { o.BaseUrl = baseUrl; o.SendTimeout = ReplayTimeout; o.ReadTimeout = ReplayTimeout; };
            endpoints.Baileys = o => { o.SendTimeout = ReplayTimeout; o.ReadTimeout = ReplayTimeout; };
        });
        operations = new FixtureOperations(services) { EvolutionServer = baseUrl }.All;
        Classifiers = services.Classifiers();
    }

    public string Root { get; }

    /// <summary>The classifier of each provider, whose rules the coverage gate checks.</summary>
    public IReadOnlyDictionary<string, IProviderClassifier> Classifiers { get; }

    /// <summary>Every fixture file found.</summary>
    public IReadOnlyList<FixtureFile> Files { get; }

    /// <summary>How many mappings WireMock loaded; it skips unreadable files silently, so this must equal the file count.</summary>
    public int LoadedMappings { get; }

    /// <summary>Replays one fixture; never throws for a fixture's content.</summary>
    public async Task<FixtureResult> ReplayAsync(FixtureFile file, CancellationToken cancellationToken = default)
    {
        if (file.Problem is not null) return new FixtureResult(file, [], [file.Problem]);
        if (!operations.TryGetValue($"{file.Provider}/{file.Operation}", out var replay))
            return new FixtureResult(file, [], [$"no replay for folder {file.Provider}/{file.Operation}"]);
        if (file.Key is null && file.Operation != "webhook")
            return new FixtureResult(file, [], ["the request matcher has no key (id or instance name) to call it by"]);

        IReadOnlyList<ProviderOutcome> actual = await replay(file, cancellationToken).ConfigureAwait(false);
        return new FixtureResult(file, actual, file.Expect!.Compare(actual));
    }

    public void Dispose()
    {
        services.Dispose();
        server.Stop();
        server.Dispose();
    }
}
