using System.Globalization;
using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>
/// The members of one Meta error object, gathered while a <see cref="Utf8JsonReader"/> passes over them. A member of
/// the wrong JSON type is treated as absent, never as an exception (stripe-dotnet style).
/// </summary>
internal struct MetaErrorFields
{
    private int? code;
    private int? subcode;
    private string? message, userMessage, title, userTitle, details, dataDetails, reason, traceId;
    private bool isTransient;

    /// <summary>A <c>code</c> member was present, whatever its type (the BSP-relay envelope test).</summary>
    public bool HasCode { get; private set; }

    /// <summary>A <c>reason</c> or <c>title</c> member was present.</summary>
    public bool HasReasonOrTitle { get; private set; }

    /// <summary>Reads the value of the property the reader stands on, if it is an error member; returns false otherwise (nothing consumed).</summary>
    public bool TryRead(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("code"u8)) { reader.Read(); HasCode = true; code = Int(ref reader); }
        else if (reader.ValueTextEquals("error_subcode"u8)) { reader.Read(); subcode = Int(ref reader); }
        else if (reader.ValueTextEquals("message"u8)) { reader.Read(); message = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("error_user_msg"u8)) { reader.Read(); userMessage = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("title"u8)) { reader.Read(); HasReasonOrTitle = true; title = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("error_user_title"u8)) { reader.Read(); userTitle = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("details"u8)) { reader.Read(); details = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("reason"u8)) { reader.Read(); HasReasonOrTitle = true; reason = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("fbtrace_id"u8)) { reader.Read(); traceId = Utf8Body.Text(ref reader); }
        else if (reader.ValueTextEquals("is_transient"u8)) { reader.Read(); isTransient = reader.TokenType == JsonTokenType.True; reader.Skip(); }
        else if (reader.ValueTextEquals("error_data"u8)) { reader.Read(); dataDetails = ErrorData(ref reader); }
        else return false;
        return true;
    }

    /// <summary>The error, with Meta's precedence: <c>error_data.details</c>, then <c>details</c>, then <c>reason</c>.</summary>
    public readonly MetaError ToError() =>
        new(code, subcode, message ?? userMessage, title ?? userTitle, dataDetails ?? details ?? reason, traceId, isTransient);

    /// <summary>Reads every member of the object the reader stands on (its StartObject) into a new set of fields.</summary>
    public static MetaError ReadObject(ref Utf8JsonReader reader)
    {
        var fields = default(MetaErrorFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!fields.TryRead(ref reader))
            {
                reader.Read();
                reader.Skip();
            }
        }

        return fields.ToError();
    }

    private static string? ErrorData(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDetails = reader.ValueTextEquals("details"u8);
            reader.Read();
            if (isDetails) found = Utf8Body.Text(ref reader);
            else reader.Skip();
        }

        return found;
    }

    private static int? Int(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt32(out var n):
                return n;
            case JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                return n;
            default:
                reader.Skip();
                return null;
        }
    }
}
