using System.Globalization;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;

namespace PilotStatus.Gateway.Providers.Meta.Webhooks;

/// <summary>
/// Reads a Meta webhook POST body (<c>{object, entry[].changes[].value}</c>) in one forward pass into one outcome per
/// event: each status in <c>statuses[]</c>, each system error in <c>value.errors[]</c>, each inbound message
/// (ignored). Errors inside statuses are mapped by the same <see cref="MetaRules"/> as synchronous answers. Total:
/// a malformed body gives one ignored outcome with <see cref="MetaFallbacks.Malformed"/>, never an exception.
/// </summary>
internal static class MetaWebhookParser
{
    /// <summary>Parses <paramref name="body"/>; never throws and never returns an empty list.</summary>
    public static IReadOnlyList<ProviderOutcome> Parse(string? body, InboundHistory history)
    {
        if (string.IsNullOrWhiteSpace(body)) return [Event(MetaFallbacks.Malformed, null, "empty body", default)];
        var state = new ParseState(body, history);
        try
        {
            if (!Utf8Body.Read(body, state, static (ref Utf8JsonReader r, ParseState s) => ReadRoot(ref r, s)))
                return [Event(MetaFallbacks.Malformed, body, "no entry[] array", default)];
        }
        catch (JsonException)
        {
            return [Event(MetaFallbacks.Malformed, body, "body is not JSON", default)];
        }

        return state.Events.Count > 0 ? state.Events : [Event(MetaFallbacks.OtherField, null, "no statuses, errors or messages", default)];
    }

    private sealed class ParseState(string body, InboundHistory history)
    {
        public string Body { get; } = body;
        public InboundHistory History { get; } = history;
        public List<ProviderOutcome> Events { get; } = [];
        public List<PendingEvent> Pending { get; } = [];
    }

    // An event read before its value's metadata (members come in any order): materialized once the value ends.
    private readonly record struct PendingEvent(MappingRule Rule, MetaError? Error, string? Words, string? Id, string? Recipient, string? Callback, DateTimeOffset? At);

    private static bool ReadRoot(ref Utf8JsonReader reader, ParseState state)
    {
        var hasEntry = false;
        if (!reader.Read()) throw new JsonException("empty body");
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEntry = reader.ValueTextEquals("entry"u8);
                reader.Read();
                if (isEntry && reader.TokenType == JsonTokenType.StartArray)
                {
                    hasEntry = true;
                    Utf8Body.ForEachObject(ref reader, state, static (ref Utf8JsonReader r, ParseState s) => Within(ref r, "changes"u8, s, ReadChanges));
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            reader.Skip();
        }

        Utf8Body.ReadToEnd(ref reader);
        return hasEntry;
    }

    private static bool ReadChanges(ref Utf8JsonReader reader, ParseState state)
    {
        Utf8Body.ForEachObject(ref reader, state, static (ref Utf8JsonReader r, ParseState s) => Within(ref r, "value"u8, s, ReadValue));
        return true;
    }

    // Reads the object the reader stands on, handing the value of member `name` to `read` and skipping the rest.
    private static bool Within(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ParseState state, Utf8Body.Reader<bool, ParseState> read)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) read(ref reader, state);
            else reader.Skip();
        }

        return true;
    }

    private static bool ReadValue(ref Utf8JsonReader reader, ParseState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        string? phoneNumberId = null;
        state.Pending.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                phoneNumberId = Member(ref reader, "phone_number_id"u8);
            }
            else if (reader.ValueTextEquals("statuses"u8))
            {
                reader.Read();
                Utf8Body.ForEachObject(ref reader, state, static (ref Utf8JsonReader r, ParseState s) => ReadStatus(ref r, s));
            }
            else if (reader.ValueTextEquals("errors"u8))
            {
                reader.Read();
                Utf8Body.ForEachObject(ref reader, state, static (ref Utf8JsonReader r, ParseState s) =>
                {
                    s.Pending.Add(new PendingEvent(MetaFallbacks.UnknownCode, MetaErrorFields.ReadObject(ref r), null, null, null, null, null));
                    return true;
                });
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                Utf8Body.ForEachObject(ref reader, state, static (ref Utf8JsonReader r, ParseState s) => ReadInbound(ref r, s));
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (state.Pending.Count == 0) state.Pending.Add(new PendingEvent(MetaFallbacks.OtherField, null, null, null, null, null, null));
        foreach (var pending in state.Pending)
        {
            var reference = new MessageReference(pending.Id, pending.Recipient, pending.Callback, phoneNumberId, pending.At);
            state.Events.Add(pending.Error is { } error
                ? MetaResponseMapper.FromError(error, MetaPath.Webhook, state.History, null, state.Body, null, 0, reference)
                : Event(pending.Rule, pending.Rule.Code is null ? null : state.Body, pending.Words, reference) with { Inbound = pending.Rule == MetaFallbacks.Inbound });
        }

        return true;
    }

    private static bool ReadStatus(ref Utf8JsonReader reader, ParseState state)
    {
        string? id = null, status = null, recipient = null, callback = null, timestamp = null;
        MetaError? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("status"u8)) { reader.Read(); status = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("recipient_id"u8)) { reader.Read(); recipient = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("biz_opaque_callback_data"u8)) { reader.Read(); callback = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("timestamp"u8)) { reader.Read(); timestamp = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("errors"u8))
            {
                reader.Read();
                error ??= FirstError(ref reader);
            }
            else { reader.Read(); reader.Skip(); }
        }

        var rule = status switch
        {
            "sent" => MetaFallbacks.StatusSent,
            "delivered" => MetaFallbacks.StatusDelivered,
            "read" or "played" => MetaFallbacks.StatusRead,
            "failed" => MetaFallbacks.StatusFailedWithoutError,
            _ => MetaFallbacks.StatusOther,
        };
        var words = rule == MetaFallbacks.StatusFailedWithoutError ? "failed status without errors[]" : rule == MetaFallbacks.StatusOther ? status : null;
        state.Pending.Add(new PendingEvent(rule, status == "failed" ? error : null, words, id, recipient, callback, Timestamp(timestamp)));
        return true;
    }

    private static bool ReadInbound(ref Utf8JsonReader reader, ParseState state)
    {
        string? id = null, from = null, timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("from"u8)) { reader.Read(); from = Utf8Body.Text(ref reader); }
            else if (reader.ValueTextEquals("timestamp"u8)) { reader.Read(); timestamp = Utf8Body.Text(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }

        state.Pending.Add(new PendingEvent(MetaFallbacks.Inbound, null, null, id, from, null, Timestamp(timestamp)));
        return true;
    }

    // Meta sends one error per failed status; only the first is mapped, the rest are read past.
    private static MetaError? FirstError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        MetaError? first = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first is null && reader.TokenType == JsonTokenType.StartObject) first = MetaErrorFields.ReadObject(ref reader);
            else reader.Skip();
        }

        return first;
    }

    private static string? Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) found = Utf8Body.Text(ref reader);
            else reader.Skip();
        }

        return found;
    }

    private static ProviderOutcome Event(MappingRule rule, string? body, string? words, MessageReference reference) => new()
    {
        Kind = rule.Outcome,
        Code = rule.Code,
        RuleId = rule.Id,
        Evidence = new ProviderEvidence(MetaResponseMapper.Provider, ProviderMessage: words, RawBody: SecretRedactor.Redact(body)),
        ProviderMessageId = reference.ProviderMessageId,
        RecipientId = reference.RecipientId,
        CallbackData = reference.CallbackData,
        ConnectionKey = reference.ConnectionKey,
        OccurredAt = reference.OccurredAt,
    };

    private static DateTimeOffset? Timestamp(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
