using System.Globalization;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using static PilotStatus.Gateway.Providers.Baileys.Mapping.EvolutionJsonReader;

namespace PilotStatus.Gateway.Providers.Baileys.Webhooks;

/// <summary>
/// Reads an Evolution webhook POST body (<c>{event, instance, data, date_time, …}</c>, webhook.controller.ts) into
/// one outcome per event: each <c>messages.update</c> item (only <c>fromMe:true</c> ones are acks of our sends),
/// connection and instance events. Event names are accepted dotted (<c>messages.update</c>) and upper-snake
/// (<c>MESSAGES_UPDATE</c>). Total: malformed bodies give one ignored outcome with <see cref="EvolutionFallbacks.WebhookMalformed"/>.
/// </summary>
internal static class EvolutionWebhookParser
{
    /// <summary>Parses <paramref name="body"/>; never throws and never returns an empty list.</summary>
    public static IReadOnlyList<ProviderOutcome> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [Event(EvolutionFallbacks.WebhookMalformed, null, "empty body")];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return [Event(EvolutionFallbacks.WebhookMalformed, body, "body is not JSON")];
        }

        using (document)
        {
            var root = document.RootElement;
            if (String(root, "event") is not { Length: > 0 } name)
                return [Event(EvolutionFallbacks.WebhookMalformed, body, "not a JSON object with an event")];

            var data = Member(root, "data") ?? default;
            IReadOnlyList<ProviderOutcome> events = Normalize(name) switch
            {
                "messages.update" => MessageUpdates(data, body),
                "messages.upsert" => Items(data).Select(InboundMessage).ToList() is { Count: > 0 } upserts ? upserts : [Event(EvolutionFallbacks.WebhookOther, null, name)],
                "connection.update" => [ConnectionUpdate(data, body)],
                "logout.instance" => [Event(EvolutionFallbacks.WebhookLogout, body, name)],
                "remove.instance" => [Event(EvolutionFallbacks.WebhookRemove, body, name)],
                "status.instance" => [StatusInstance(data, body)],
                _ => [Event(EvolutionFallbacks.WebhookOther, null, name)],
            };

            var instance = String(root, "instance") ?? String(data, "instance");
            var occurredAt = Timestamp(String(root, "date_time"));
            return [.. events.Select(e => e with { ConnectionKey = instance, OccurredAt = e.OccurredAt ?? occurredAt })];
        }
    }

    /// <summary>The event name as Evolution's payload spells it: lower case, dotted (<c>MESSAGES_UPDATE</c> → <c>messages.update</c>).</summary>
    internal static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '.');

    private static List<ProviderOutcome> MessageUpdates(JsonElement data, string body)
    {
        var events = new List<ProviderOutcome>();
        if (data.ValueKind == JsonValueKind.Object) events.Add(MessageUpdate(data, body));
        else if (data.ValueKind == JsonValueKind.Array)
            events.AddRange(data.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => MessageUpdate(i, body)));
        if (events.Count == 0) events.Add(Event(EvolutionFallbacks.WebhookOther, null, "messages.update without items"));
        return events;
    }

    // whatsapp.baileys.service.ts:1475-1483: {keyId, remoteJid, fromMe, participant, status, …}.
    private static ProviderOutcome MessageUpdate(JsonElement item, string body)
    {
        var key = Member(item, "key") ?? default;
        var status = StatusName(Member(item, "status"));
        var outcome = !IsTrue(item, "fromMe") && !IsTrue(key, "fromMe")
            ? Event(EvolutionFallbacks.WebhookInbound, null, status)
            : status switch
            {
                "DELIVERY_ACK" => Event(EvolutionFallbacks.WebhookDelivered, null, status),
                "READ" or "PLAYED" => Event(EvolutionFallbacks.WebhookRead, null, status),
                "ERROR" => Failed(item, body),
                _ => Event(EvolutionFallbacks.WebhookPending, null, status),
            };

        return outcome with
        {
            ProviderMessageId = String(item, "keyId") ?? String(key, "id"),
            RecipientId = String(item, "remoteJid") ?? String(key, "remoteJid"),
        };
    }

    private static IEnumerable<JsonElement> Items(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object ? [data]
        : data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
        : [];

    // An inbound message names its sender by jid; an @lid jid may come with the phone jid beside it (remoteJidAlt in
    // Evolution 2.3+, senderPn before), and the gateway keeps both so either finds the contact.
    private static ProviderOutcome InboundMessage(JsonElement item)
    {
        var key = Member(item, "key") ?? default;
        if (IsTrue(key, "fromMe") || IsTrue(item, "fromMe")) return Event(EvolutionFallbacks.WebhookOther, null, "messages.upsert fromMe:true");
        var at = Member(item, "messageTimestamp") is { } stamp ? UnixSeconds(Scalar(stamp)) : null;
        return Event(EvolutionFallbacks.WebhookInboundMessage, null, "messages.upsert") with
        {
            Inbound = true,
            ProviderMessageId = String(key, "id"),
            RecipientId = String(key, "remoteJid"),
            RecipientAltId = String(key, "remoteJidAlt") ?? String(key, "senderPn") ?? String(item, "senderPn"),
            OccurredAt = at,
        };
    }

    // Baileys messages-recv.ts:1923: a negative server ack carries its error code in messageStubParameters ("463").
    private static ProviderOutcome Failed(JsonElement item, string body)
    {
        var stubs = Member(item, "messageStubParameters") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(Scalar).OfType<string>().ToList()
            : [];
        var outcome = Event(EvolutionFallbacks.WebhookError, body, stubs.Count > 0 ? string.Join(", ", stubs) : "ERROR");
        return outcome with { Evidence = outcome.Evidence with { ProviderCode = stubs.Count > 0 ? stubs[0] : null } };
    }

    private static ProviderOutcome ConnectionUpdate(JsonElement data, string body)
    {
        var state = String(data, "state")?.ToLowerInvariant();
        var reason = Int(data, "statusReason");
        var words = $"state {state}, statusReason {reason?.ToString(CultureInfo.InvariantCulture)}";
        var rule = state switch
        {
            "close" when BaileysDisconnect.StopsReconnect(reason) => EvolutionFallbacks.WebhookLoggedOut,
            "close" or "refused" => EvolutionFallbacks.WebhookDown,
            "open" or "connecting" => EvolutionFallbacks.WebhookUp,
            _ => EvolutionFallbacks.WebhookOther,
        };
        return WithCode(Event(rule, rule.Code is null ? null : body, words), reason);
    }

    private static ProviderOutcome StatusInstance(JsonElement data, string body)
    {
        var reason = Int(data, "disconnectionReasonCode");
        var status = String(data, "status");
        var words = $"status {status}, disconnectionReasonCode {reason?.ToString(CultureInfo.InvariantCulture)}";
        return string.Equals(status, "closed", StringComparison.OrdinalIgnoreCase) && BaileysDisconnect.StopsReconnect(reason)
            ? WithCode(Event(EvolutionFallbacks.WebhookStatusClosed, body, words), reason)
            : Event(EvolutionFallbacks.WebhookOther, null, words);
    }

    private static ProviderOutcome WithCode(ProviderOutcome outcome, int? reason) =>
        outcome with { Evidence = outcome.Evidence with { ProviderCode = reason?.ToString(CultureInfo.InvariantCulture) } };

    private static ProviderOutcome Event(MappingRule rule, string? body, string? words) => new()
    {
        Kind = rule.Outcome,
        Code = rule.Code,
        Retryable = rule.Retryable,
        RuleId = rule.Id,
        Evidence = new ProviderEvidence(EvolutionResponseMapper.Provider, ProviderMessage: words, RawBody: SecretRedactor.Redact(body)),
    };

    // Evolution renders the status by name (src/utils/renderStatus.ts); raw Baileys numbers are read the same way.
    private static string? StatusName(JsonElement? status) => status switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()?.ToUpperInvariant(),
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i is >= 0 and < 6 =>
            new[] { "ERROR", "PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED" }[i],
        _ => null,
    };

    private static DateTimeOffset? UnixSeconds(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
