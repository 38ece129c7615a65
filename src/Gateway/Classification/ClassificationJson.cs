using System.Text.Encodings.Web;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Classification;

/// <summary>Writes classify's output line: <c>{"outcome","code","retryable","rule","detail"}</c>, plus <c>events</c> for several events.</summary>
internal static class ClassificationJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(IReadOnlyList<ProviderOutcome> events)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteFields(writer, events[0]);
            if (events.Count > 1)
            {
                writer.WriteStartArray("events");
                foreach (var e in events)
                {
                    writer.WriteStartObject();
                    WriteFields(writer, e);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Error(string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter writer, ProviderOutcome outcome)
    {
        writer.WriteString("outcome", OutcomeNames.NameOf(outcome.Kind));
        if (outcome.Code is { } code) writer.WriteString("code", ErrorCatalog.NameOf(code));
        else writer.WriteNull("code");
        writer.WriteBoolean("retryable", outcome.Retryable);
        writer.WriteString("rule", outcome.RuleId);
        writer.WriteString("detail", outcome.Evidence.ProviderMessage ?? "");
        if (outcome.Evidence.ProviderCode is { } providerCode) writer.WriteString("providerCode", providerCode);
        if (outcome.ProviderMessageId is { } id) writer.WriteString("providerMessageId", id);
    }
}
