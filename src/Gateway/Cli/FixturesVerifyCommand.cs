using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Fixtures;

namespace PilotStatus.Gateway.Cli;

/// <summary>
/// <c>fixtures verify [--root DIR] [--skip-coverage]</c>: replays every fixture, prints each mismatch and a codes ×
/// providers matrix, and exits 1 on any mismatch, when WireMock skipped a file, or when a rule that a recording can
/// reach has no fixture (the coverage gate); 2 when there is no fixtures folder.
/// </summary>
internal static class FixturesVerifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var index = Array.IndexOf(args, "--root");
        var given = index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        var checkCoverage = !args.Contains("--skip-coverage");
        if (FixtureCatalog.FindRoot(given) is not { } root)
        {
            await error.WriteLineAsync($"fixtures verify: no fixtures folder found{(given is null ? " (run from the repository, or pass --root DIR)" : $" at {given}")}").ConfigureAwait(false);
            return 2;
        }

        using var replayer = new FixtureReplayer(root);
        var results = new List<FixtureResult>();
        foreach (var file in replayer.Files)
            results.Add(await replayer.ReplayAsync(file).ConfigureAwait(false));

        foreach (var failed in results.Where(r => !r.Passed))
            await output.WriteLineAsync($"MISMATCH {failed.File.Name}: {string.Join("; ", failed.Problems)}").ConfigureAwait(false);

        // The gate is for the whole collection; a scratch folder of new recordings skips it.
        var uncovered = checkCoverage ? Uncovered(results, replayer.Classifiers) : [];
        foreach (var rule in uncovered)
            await output.WriteLineAsync($"UNCOVERED {rule.Id} ({rule.Match}): no fixture reaches this rule").ConfigureAwait(false);

        await output.WriteLineAsync(Matrix(results)).ConfigureAwait(false);
        var skipped = replayer.Files.Count - replayer.LoadedMappings;
        if (skipped != 0)
            await output.WriteLineAsync($"MISMATCH WireMock loaded {replayer.LoadedMappings} mappings from {replayer.Files.Count} files").ConfigureAwait(false);
        var failures = results.Count(r => !r.Passed) + (skipped != 0 ? 1 : 0) + uncovered.Count;
        await output.WriteLineAsync($"{results.Count - results.Count(r => !r.Passed)} fixtures passed, {results.Count(r => !r.Passed)} failed ({root})").ConfigureAwait(false);
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The coverage gate: every rule a recording can reach must be reached by at least one fixture's replay.</summary>
    internal static IReadOnlyList<MappingRule> Uncovered(IReadOnlyList<FixtureResult> results, IReadOnlyDictionary<string, IProviderClassifier> classifiers)
    {
        var reached = results.SelectMany(r => r.Actual).Select(o => o.RuleId).ToHashSet(StringComparer.Ordinal);
        return [.. classifiers.Values.SelectMany(c => c.Rules).Where(r => r.Recordable && !reached.Contains(r.Id))];
    }

    /// <summary>Rows: the 21 codes in SPEC order, then outcomes without a code; columns: providers; cells: fixtures.</summary>
    internal static string Matrix(IReadOnlyList<FixtureResult> results)
    {
        var providers = results.Select(r => r.File.Provider).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = ErrorCatalog.All.Select(i => i.Name)
            .Concat(Enum.GetValues<OutcomeKind>().Select(k => "(" + OutcomeNames.NameOf(k) + ")"))
            .ToList();
        string RowOf(FixtureResult r) => r.File.Expect is not { } e ? "(unreadable)"
            : e.Code is { } c ? ErrorCatalog.NameOf(c) : "(" + OutcomeNames.NameOf(e.Outcome) + ")";
        var counts = results.GroupBy(r => (RowOf(r), r.File.Provider)).ToDictionary(g => g.Key, g => g.Count());
        var width = rows.Max(r => r.Length) + 2;
        var text = new System.Text.StringBuilder();
        text.Append("code".PadRight(width)).AppendJoin("", providers.Select(p => p.PadLeft(10))).AppendLine();
        foreach (var row in rows.Append("(unreadable)"))
        {
            var cells = providers.Select(p => counts.TryGetValue((row, p), out var n) ? n : 0).ToList();
            if (row.StartsWith('(') && cells.All(n => n == 0)) continue;
            text.Append(row.PadRight(width)).AppendJoin("", cells.Select(n => (n == 0 ? "-" : n.ToString(System.Globalization.CultureInfo.InvariantCulture)).PadLeft(10))).AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
