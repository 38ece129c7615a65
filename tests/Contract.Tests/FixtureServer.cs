using PilotStatus.Gateway.Fixtures;

[assembly: AssemblyFixture(typeof(PilotStatus.Gateway.Contract.Tests.FixtureServer))]

namespace PilotStatus.Gateway.Contract.Tests;

/// <summary>One WireMock server loaded from <c>fixtures/</c> for the whole assembly, with the real providers pointed at it.</summary>
public sealed class FixtureServer : IDisposable
{
    internal static string Root => FixtureCatalog.FindRoot() ?? throw new InvalidOperationException("fixtures/ not found above " + AppContext.BaseDirectory);

    private readonly Lazy<Task<IReadOnlyList<FixtureResult>>> all;

    public FixtureServer() => all = new(ReplayAll);

    internal FixtureReplayer Replayer { get; } = new(Root);

    /// <summary>Every fixture replayed once (in file order) and shared by the per-file cases and the coverage gate.</summary>
    internal Task<IReadOnlyList<FixtureResult>> Results => all.Value;

    public void Dispose() => Replayer.Dispose();

    private async Task<IReadOnlyList<FixtureResult>> ReplayAll()
    {
        var results = new List<FixtureResult>();
        foreach (var file in Replayer.Files) results.Add(await Replayer.ReplayAsync(file));
        return results;
    }
}
