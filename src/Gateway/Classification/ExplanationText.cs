using System.Globalization;
using System.Text;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Fixtures;

namespace PilotStatus.Gateway.Classification;

/// <summary>
/// <c>classify --explain</c>'s text for one exchange: for each outcome, the rows considered in order and why each
/// did or did not match, the code with its meaning and operator action, the deciding rule's source, and the
/// fixture files that already exercise that rule.
/// </summary>
internal static class ExplanationText
{
    public static string Render(int number, ExchangeLine line, IProviderClassifier classifier, FixtureIndex fixtures)
    {
        var text = new StringBuilder();
        var exchange = line.Exchange;
        text.Append(CultureInfo.InvariantCulture, $"exchange {number}: {line.Provider} {Kind(exchange.Kind)}")
            .AppendLine(exchange.HttpStatus is { } s ? string.Create(CultureInfo.InvariantCulture, $", HTTP {s}") : "");
        var explanations = classifier.Explain(exchange);
        for (var i = 0; i < explanations.Count; i++)
        {
            var (outcome, considered) = (explanations[i].Outcome, explanations[i].Considered);
            var rule = classifier.Rules.FirstOrDefault(r => r.Id == outcome.RuleId);
            text.Append(CultureInfo.InvariantCulture, $"  event {i + 1}: {OutcomeNames.NameOf(outcome.Kind)}")
                .Append(outcome.Code is { } c ? " " + ErrorCatalog.NameOf(c) : " (no code)")
                .AppendLine(outcome.Retryable ? " (retryable)" : "");
            var evidence = outcome.Evidence;
            if (evidence.ProviderCode is not null || evidence.ProviderMessage is not null)
            {
                text.Append("    provider said: ");
                if (evidence.ProviderCode is not null) text.Append("code ").Append(evidence.ProviderCode).Append(' ');
                if (evidence.ProviderSubcode is not null) text.Append("subcode ").Append(evidence.ProviderSubcode).Append(' ');
                if (evidence.ProviderMessage is not null) text.Append('"').Append(evidence.ProviderMessage).Append('"');
                text.AppendLine();
            }

            text.AppendLine("    rules considered, in order:");
            if (considered.Count == 0) text.AppendLine("      (no table row names this answer)");
            foreach (var check in considered)
                text.Append("      ").Append(check.Matched ? "MATCH " : "no    ").Append(check.RuleId.PadRight(34)).Append(' ').AppendLine(check.Reason);
            if (explanations[i].Fallback)
                text.Append("    unmatched: no table row decided it; fallback ").Append(outcome.RuleId).Append(": ").AppendLine(rule?.Match ?? "");
            else
                text.Append("    decided by ").Append(outcome.RuleId).Append(": ").AppendLine(rule?.Match ?? "");
            if (rule is not null) text.Append("    source: ").AppendLine(rule.Source);
            if (outcome.Code is { } code)
            {
                var info = ErrorCatalog.Get(code);
                text.Append("    ").Append(info.Name).Append(": ").AppendLine(info.Meaning);
                text.Append("    operator action: ").AppendLine(info.OperatorAction);
            }

            var files = fixtures.FilesFor(outcome.RuleId);
            text.Append("    fixtures: ").AppendLine(files.Count == 0 ? "none yet: record or write one (docs/onboarding.md)" : string.Join(", ", files));
        }

        return text.ToString();
    }

    private static string Kind(ExchangeKind kind) => kind switch
    {
        ExchangeKind.SendResponse => "send-response",
        ExchangeKind.GraphResponse => "graph-response",
        ExchangeKind.InstanceResponse => "instance-response",
        _ => "webhook",
    };
}
