using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Classification;
using PilotStatus.Gateway.Fixtures;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Cli;

/// <summary>
/// <c>classify [FILE...]</c>: one output line per exchange. Bad lines get <c>{"error":…}</c> and the run goes on;
/// a missing file stops the run before any output, with exit code 2.
/// </summary>
internal static class ClassifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var explain = args.Contains("--explain");
        var files = args.Where(a => a != "--explain").ToArray();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await error.WriteLineAsync($"classify: no such file: {file}").ConfigureAwait(false);
                return 2;
            }
        }

        using var services = ProviderRegistration.BuildOffline();
        var classifiers = services.Classifiers();
        var fixtures = explain ? FixtureIndex.Load(classifiers) : null;
        var number = 0;
        string Answer(string item) => fixtures is null ? ClassifyOne(item, classifiers) : ExplainOne(++number, item, classifiers, fixtures);

        if (files.Length == 0)
        {
            while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
                if (!string.IsNullOrWhiteSpace(line)) await output.WriteLineAsync(Answer(line)).ConfigureAwait(false);
            return 0;
        }

        foreach (var file in files)
        {
            foreach (var item in Items(await File.ReadAllTextAsync(file).ConfigureAwait(false)))
                await output.WriteLineAsync(Answer(item)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Classifies one input text into one output line; never throws.</summary>
    public static string ClassifyOne(string text, IReadOnlyDictionary<string, IProviderClassifier> classifiers) =>
        Read(text, classifiers, out var line, out var classifier) is { } problem
            ? ClassificationJson.Error(problem)
            : ClassificationJson.Line(classifier!.Classify(line!.Exchange));

    /// <summary>Explains one input text; a bad line gets the same <c>{"error"}</c> answer as without <c>--explain</c>.</summary>
    public static string ExplainOne(int number, string text, IReadOnlyDictionary<string, IProviderClassifier> classifiers, FixtureIndex fixtures) =>
        Read(text, classifiers, out var line, out var classifier) is { } problem
            ? ClassificationJson.Error(problem)
            : ExplanationText.Render(number, line!, classifier!, fixtures);

    private static string? Read(string text, IReadOnlyDictionary<string, IProviderClassifier> classifiers, out ExchangeLine? line, out IProviderClassifier? classifier)
    {
        line = null;
        classifier = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!ExchangeLine.TryParse(document.RootElement, out line, out var problem)) return problem;
        }
        catch (JsonException ex)
        {
            return $"not valid JSON: {ex.Message}";
        }

        return classifiers.TryGetValue(line!.Provider, out classifier)
            ? null
            : $"unknown provider '{line.Provider}' (known: {string.Join(", ", classifiers.Keys.Order())})";
    }

    /// <summary>A file holds one JSON object (possibly over several lines) or JSON Lines.</summary>
    private static IEnumerable<string> Items(string text)
    {
        try
        {
            using var whole = JsonDocument.Parse(text);
            if (whole.RootElement.ValueKind == JsonValueKind.Object) return [text];
        }
        catch (JsonException)
        {
            // Not one JSON value: read it as JSON Lines below.
        }

        return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l));
    }
}
