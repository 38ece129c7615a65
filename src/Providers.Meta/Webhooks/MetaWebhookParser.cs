using System.Globalization;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;

namespace PilotStatus.Gateway.Providers.Meta.Webhooks;

/// <summary>
/// Reads a Meta webhook POST body (<c>{object, entry[].changes[].value}</c>) into one outcome per event: each
/// status in <c>statuses[]</c>, each system error in <c>value.errors[]</c>, each inbound message (ignored).
/// Errors inside statuses are mapped by the same <see cref="MetaRules"/> as synchronous answers. Total: malformed
/// bodies give one ignored outcome with <see cref="MetaFallbacks.Malformed"/>.
/// </summary>
internal static class MetaWebhookParser
{
    /// <summary>Parses <paramref name="body"/>; never throws and never returns an empty list.</summary>
    public static IReadOnlyList<ProviderOutcome> Parse(string? body, InboundHistory history)
    {
        if (string.IsNullOrWhiteSpace(body)) return [FromRule(MetaFallbacks.Malformed, null, "empty body")];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return [FromRule(MetaFallbacks.Malformed, body, "body is not JSON")];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
                return [FromRule(MetaFallbacks.Malformed, body, "no entry[] array")];

            var events = new List<ProviderOutcome>();
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var change in changes.EnumerateArray())
                {
                    if (change.ValueKind == JsonValueKind.Object && change.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
                        ReadValue(value, body, history, events);
                }
            }

            return events.Count > 0 ? events : [FromRule(MetaFallbacks.OtherField, null, "no statuses, errors or messages")];
        }
    }

    private static void ReadValue(JsonElement value, string body, InboundHistory history, List<ProviderOutcome> events)
    {
        var phoneNumberId = value.TryGetProperty("metadata", out var metadata) ? MetaErrorReader.String(metadata, "phone_number_id") : null;
        var before = events.Count;

        foreach (var status in Items(value, "statuses"))
            events.Add(FromStatus(status, body, history) with { ConnectionKey = phoneNumberId });

        foreach (var error in Items(value, "errors"))
            events.Add(MetaResponseMapper.FromError(MetaErrorReader.FromItem(error), MetaPath.Webhook, history, null, body, null, 0) with { ConnectionKey = phoneNumberId });

        foreach (var message in Items(value, "messages"))
        {
            events.Add(FromRule(MetaFallbacks.Inbound, null, null) with
            {
                ConnectionKey = phoneNumberId,
                RecipientId = MetaErrorReader.String(message, "from"),
                ProviderMessageId = MetaErrorReader.String(message, "id"),
                OccurredAt = Timestamp(message),
            });
        }

        if (events.Count == before)
            events.Add(FromRule(MetaFallbacks.OtherField, null, null) with { ConnectionKey = phoneNumberId });
    }

    private static ProviderOutcome FromStatus(JsonElement status, string body, InboundHistory history)
    {
        var outcome = MetaErrorReader.String(status, "status") switch
        {
            "sent" => FromRule(MetaFallbacks.StatusSent, null, null),
            "delivered" => FromRule(MetaFallbacks.StatusDelivered, null, null),
            "read" or "played" => FromRule(MetaFallbacks.StatusRead, null, null),
            "failed" => Failed(status, body, history),
            var other => FromRule(MetaFallbacks.StatusOther, null, other),
        };

        return outcome with
        {
            ProviderMessageId = MetaErrorReader.String(status, "id"),
            RecipientId = MetaErrorReader.String(status, "recipient_id"),
            CallbackData = MetaErrorReader.String(status, "biz_opaque_callback_data"),
            OccurredAt = Timestamp(status),
        };
    }

    private static ProviderOutcome Failed(JsonElement status, string body, InboundHistory history)
    {
        foreach (var error in Items(status, "errors"))
            return MetaResponseMapper.FromError(MetaErrorReader.FromItem(error), MetaPath.Webhook, history, null, body, null, 0);

        return new ProviderOutcome
        {
            Kind = OutcomeKind.Failed,
            Code = MetaFallbacks.StatusFailedWithoutError.Code,
            RuleId = MetaFallbacks.StatusFailedWithoutError.Id,
            Evidence = new ProviderEvidence(MetaResponseMapper.Provider, ProviderMessage: "failed status without errors[]", RawBody: SecretRedactor.Redact(body)),
        };
    }

    private static ProviderOutcome FromRule(MappingRule rule, string? body, string? words) => new()
    {
        Kind = rule.Outcome,
        RuleId = rule.Id,
        Evidence = new ProviderEvidence(MetaResponseMapper.Provider, ProviderMessage: words, RawBody: SecretRedactor.Redact(body)),
    };

    private static IEnumerable<JsonElement> Items(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var item in array.EnumerateArray())
            if (item.ValueKind == JsonValueKind.Object) yield return item;
    }

    private static DateTimeOffset? Timestamp(JsonElement obj) =>
        long.TryParse(MetaErrorReader.String(obj, "timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
