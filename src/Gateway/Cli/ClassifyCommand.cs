using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Classification;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Cli;

/// <summary>
/// <c>classify [FILE...]</c>: one output line per exchange. Bad lines get <c>{"error":…}</c> and the run goes on;
/// a missing file stops the run before any output, with exit code 2.
/// </summary>
internal static class ClassifyCommand
{
    public static async Task<int> RunAsync(string[] files, TextReader input, TextWriter output, TextWriter error)
    {
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
        if (files.Length == 0)
        {
            while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
                if (!string.IsNullOrWhiteSpace(line)) await output.WriteLineAsync(ClassifyOne(line, classifiers)).ConfigureAwait(false);
            return 0;
        }

        foreach (var file in files)
        {
            foreach (var item in Items(await File.ReadAllTextAsync(file).ConfigureAwait(false)))
                await output.WriteLineAsync(ClassifyOne(item, classifiers)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Classifies one input text into one output line; never throws.</summary>
    public static string ClassifyOne(string text, IReadOnlyDictionary<string, IProviderClassifier> classifiers)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return ClassificationJson.Error($"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (!ExchangeLine.TryParse(document.RootElement, out var line, out var problem))
                return ClassificationJson.Error(problem!);
            if (!classifiers.TryGetValue(line!.Provider, out var classifier))
                return ClassificationJson.Error($"unknown provider '{line.Provider}' (known: {string.Join(", ", classifiers.Keys.Order())})");
            return ClassificationJson.Line(classifier.Classify(line.Exchange));
        }
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
