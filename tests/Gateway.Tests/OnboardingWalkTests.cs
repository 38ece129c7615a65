using System.Text.RegularExpressions;
using PilotStatus.Gateway.Cli;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests;

/// <summary>docs/onboarding.md stays true: every gateway command in it runs and succeeds, every path it names exists.</summary>
[Collection(RepositoryDocs.Name)]
public sealed partial class OnboardingWalkTests
{
    private const string Prefix = "dotnet run --project src/Gateway -- ";

    private static string Walk => File.ReadAllText(DocsTests.RepositoryFile("docs/onboarding.md"));

    public static TheoryData<string> Commands() => new(Walk.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Walk_Command_Succeeds(string command)
    {
        using var provider = WireMockServer.Start();
        var scratch = Path.Combine(Path.GetTempPath(), $"walk-{Guid.NewGuid():N}");
        var root = Path.GetDirectoryName(DocsTests.RepositoryFile("docs/onboarding.md"))!;
        var args = Arguments(command[Prefix.Length..])
            .Select(a => a == "$TARGET" ? provider.Url! : a)
            .Select(a => a == "recorded" ? scratch : a)
            .Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(Path.GetDirectoryName(root)!, a) : a)
            .ToArray();
        if (args is ["fixtures", "verify", "--root", var dir, ..]) Recording.Make(dir);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            // A recording stops when stdin closes, as it does when the engineer presses Enter.
            var exit = await GatewayCli.RunAsync(args, new StringReader("\n"), output, error, TestContext.Current.CancellationToken);
            exit.ShouldBe(0, $"{command}\n{output}\n{error}");
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Walk_EveryRepositoryPathItNamesExists()
    {
        var paths = RepoPath().Matches(Walk).Select(m => m.Groups[1].Value).Where(p => !p.Contains("Waha", StringComparison.Ordinal) && !p.Contains('<')).Distinct().ToList();
        paths.ShouldNotBeEmpty();
        foreach (var path in paths)
            (File.Exists(DocsTests.RepositoryFile(path)) || Directory.Exists(DocsTests.RepositoryFile(path))).ShouldBeTrue(path);
    }

    private static IEnumerable<string> Arguments(string line) =>
        ArgumentPattern().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value);

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex ArgumentPattern();

    [GeneratedRegex(@"`((?:src|tests|fixtures|docs)/[A-Za-z0-9_./-]+)`")]
    private static partial Regex RepoPath();

    /// <summary>What step 1 leaves behind, so step 4's check of new files has something to check.</summary>
    private static class Recording
    {
        public static void Make(string dir)
        {
            var source = DocsTests.RepositoryFile("fixtures/meta/send-text/131026-undeliverable.json");
            var target = Path.Combine(dir, "meta", "send-text");
            Directory.CreateDirectory(target);
            File.Copy(source, Path.Combine(target, Path.GetFileName(source)), overwrite: true);
        }
    }
}
