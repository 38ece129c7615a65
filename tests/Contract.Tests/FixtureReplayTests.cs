using PilotStatus.Gateway.Fixtures;

namespace PilotStatus.Gateway.Contract.Tests;

/// <summary>Every fixture file is one test case: its exchange, replayed through the real Refit client and mapper, gives its <c>Data.expect</c>.</summary>
public sealed class FixtureReplayTests(FixtureServer server)
{
    public static TheoryData<string> Fixtures() => new(FixtureCatalog.Load(FixtureServer.Root).Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Replay_Fixture_MapsToItsExpectation(string name)
    {
        var result = (await server.Results).Single(r => r.File.Name == name);
        result.Problems.ShouldBeEmpty($"{name} ({result.File.Source})");
    }

    [Fact]
    public async Task Rules_EveryRecordableRuleIsReachedByAFixture() =>
        Cli.FixturesVerifyCommand.Uncovered(await server.Results, server.Replayer.Classifiers).Select(r => r.Id).ShouldBeEmpty();

    [Fact]
    public void Server_LoadsOneMappingPerFile() =>
        server.Replayer.LoadedMappings.ShouldBe(server.Replayer.Files.Count, "WireMock skips unreadable mapping files silently");

    [Fact]
    public void Fixtures_AreAllReadable() =>
        server.Replayer.Files.Where(f => f.Problem is not null).Select(f => $"{f.Name}: {f.Problem}").ShouldBeEmpty();

    [Fact]
    public void Fixtures_RequestKeysAreUniquePerProvider()
    {
        var duplicates = server.Replayer.Files
            .Where(f => f.Operation != "webhook" && f.Key is not null)
            .GroupBy(f => (f.Provider, f.Key, f.Operation == "send-text" || f.Operation == "send-template" ? "send" : f.Operation))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(f => f.Name)));
        duplicates.ShouldBeEmpty("two fixtures with one key would shadow each other in WireMock");
    }

    [Fact]
    public void Fixtures_EveryFileNamesItsSource() =>
        server.Replayer.Files.Where(f => string.IsNullOrWhiteSpace(f.Source)).Select(f => f.Name).ShouldBeEmpty();
}
