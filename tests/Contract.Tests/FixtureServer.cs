using PilotStatus.Gateway.Fixtures;

[assembly: AssemblyFixture(typeof(PilotStatus.Gateway.Contract.Tests.FixtureServer))]

namespace PilotStatus.Gateway.Contract.Tests;

/// <summary>One WireMock server loaded from <c>fixtures/</c> for the whole assembly, with the real providers pointed at it.</summary>
public sealed class FixtureServer : IDisposable
{
    internal static string Root => FixtureCatalog.FindRoot() ?? throw new InvalidOperationException("fixtures/ not found above " + AppContext.BaseDirectory);

    internal FixtureReplayer Replayer { get; } = new(Root);

    public void Dispose() => Replayer.Dispose();
}
