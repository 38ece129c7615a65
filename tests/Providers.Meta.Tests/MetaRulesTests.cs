using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;

namespace PilotStatus.Gateway.Providers.Meta.Tests;

public sealed class MetaRulesTests
{
    [Fact]
    public void All_RuleIdsAreUnique() =>
        new MetaClassifier().Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

    [Fact]
    public void All_EveryRowNamesItsSource() =>
        new MetaClassifier().Rules.Where(r => string.IsNullOrWhiteSpace(r.Source)).Select(r => r.Id).ShouldBeEmpty();

    [Fact]
    public void All_EveryRowIsReachable()
    {
        // A row shadowed by an earlier unconditional row of the same code and paths could never match.
        foreach (var row in MetaRules.All)
        {
            var error = new MetaError(row.Code, row.Subcode, "(#x) nonexisting field", null, "Message must be a template message to the phone number", null, false);
            var path = Enum.GetValues<MetaPath>().First(p => p != MetaPath.All && (row.Paths & p) != 0);
            var history = row.Id.EndsWith(".no-conversation", StringComparison.Ordinal) ? InboundHistory.None : InboundHistory.Known;
            var earlier = MetaRules.All.TakeWhile(r => r != row)
                .Where(r => r.CodeTo is null && r.Code == row.Code && (r.Paths & row.Paths) == row.Paths && r.Subcode is null && r.When is null);
            earlier.ShouldBeEmpty($"{row.Id} is shadowed");
            if (row.When is null) MetaRules.Find(error with { Details = null, Message = null }, path, history)!.Id.ShouldBe(row.Id);
        }
    }
}
