using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures;

/// <summary>
/// Which fixture files exercise which rule, found offline: each file's recorded answer (or webhook body) is run
/// through its provider's classifier, with no server. Used by <c>classify --explain</c> and the code reference.
/// </summary>
internal sealed class FixtureIndex
{
    private readonly Dictionary<string, List<string>> filesByRule = new(StringComparer.Ordinal);

    public FixtureIndex(IEnumerable<FixtureFile> files, IReadOnlyDictionary<string, IProviderClassifier> classifiers)
    {
        foreach (var file in files)
        {
            if (file.Problem is not null || !classifiers.TryGetValue(file.Provider, out var classifier)) continue;
            foreach (var rule in classifier.Classify(file.Exchange).Select(o => o.RuleId).Distinct())
            {
                if (!filesByRule.TryGetValue(rule, out var list)) filesByRule[rule] = list = [];
                list.Add(file.Name);
            }
        }
    }

    /// <summary>The fixture files whose exchange this rule decides; empty when none does.</summary>
    public IReadOnlyList<string> FilesFor(string ruleId) => filesByRule.TryGetValue(ruleId, out var list) ? list : [];

    /// <summary>Loads the fixtures under the repository's <c>fixtures/</c>, if there is one.</summary>
    public static FixtureIndex Load(IReadOnlyDictionary<string, IProviderClassifier> classifiers) =>
        new(FixtureCatalog.FindRoot() is { } root ? FixtureCatalog.Load(root) : [], classifiers);
}
