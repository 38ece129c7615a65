using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>
/// Reads a synchronous Graph answer in one forward pass (<see cref="Utf8JsonReader"/>), taking only what the mapper
/// needs: the error in any envelope (Graph <c>error</c>, On-Premises <c>errors[0]</c>, a BSP relay's bare
/// <c>{code, reason}</c>), or the accepted message's id and <c>wa_id</c>. The whole body is still validated: a
/// truncated or invalid body throws <see cref="JsonException"/>, as a full parse would. Send answers are the hot path
/// of every message, so this avoids building a document for a few members.
/// </summary>
internal static class MetaAnswerReader
{
    /// <summary>Reads <paramref name="body"/>; throws <see cref="JsonException"/> when it is not one valid JSON value.</summary>
    public static MetaAnswer Read(string body) => Utf8Body.Read(body, 0, static (ref Utf8JsonReader r, int _) => ReadRoot(ref r));

    private static MetaAnswer ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("empty body");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            Utf8Body.ReadToEnd(ref reader);
            return new MetaAnswer(false, null, null, null);
        }

        MetaError? fromError = null, fromErrors = null;
        string? messageId = null, waId = null;
        var root = default(MetaErrorFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) fromError ??= MetaErrorFields.ReadObject(ref reader);
                else if (reader.TokenType == JsonTokenType.String) fromError ??= new MetaError(null, null, reader.GetString(), null, null, null, false);
                else reader.Skip();
            }
            else if (reader.ValueTextEquals("errors"u8))
            {
                reader.Read();
                fromErrors ??= FirstObject(ref reader, static (ref Utf8JsonReader r) => MetaErrorFields.ReadObject(ref r));
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                messageId ??= FirstObject(ref reader, static (ref Utf8JsonReader r) => Member(ref r, "id"u8));
            }
            else if (reader.ValueTextEquals("contacts"u8))
            {
                reader.Read();
                waId ??= FirstObject(ref reader, static (ref Utf8JsonReader r) => Member(ref r, "wa_id"u8));
            }
            else if (!root.TryRead(ref reader))
            {
                reader.Read();
                reader.Skip();
            }
        }

        Utf8Body.ReadToEnd(ref reader);
        var error = fromError ?? fromErrors ?? (root.HasCode && root.HasReasonOrTitle ? root.ToError() : null);
        return new MetaAnswer(true, error, messageId, waId);
    }

    private delegate T? ObjectReader<T>(ref Utf8JsonReader reader);

    // The first object element of the array the reader stands on; other elements (and non-arrays) are skipped.
    private static T? FirstObject<T>(ref Utf8JsonReader reader, ObjectReader<T> read)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        T? first = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first is null && reader.TokenType == JsonTokenType.StartObject) first = read(ref reader);
            else reader.Skip();
        }

        return first;
    }

    private static string? Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = found is null && reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String) found = reader.GetString();
            else reader.Skip();
        }

        return found;
    }
}
