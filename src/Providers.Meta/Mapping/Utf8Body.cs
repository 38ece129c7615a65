using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>Runs a <see cref="Utf8JsonReader"/> over a body held as text, transcoding on the stack when it is small.</summary>
internal static class Utf8Body
{
    private const int StackLimit = 1024;
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public delegate T Reader<T, TState>(ref Utf8JsonReader reader, TState state);

    /// <summary>Calls <paramref name="read"/> with a reader over <paramref name="body"/>; <see cref="JsonException"/> passes through.</summary>
    public static T Read<T, TState>(string body, TState state, Reader<T, TState> read)
    {
        var max = Encoding.UTF8.GetMaxByteCount(body.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(body, buffer);
            var reader = new Utf8JsonReader(buffer[..length], Options);
            return read(ref reader, state);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads on to the end, so that the reader validates the rest of the body (trailing garbage, truncation).</summary>
    public static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    /// <summary>Calls <paramref name="each"/> on every object element of the array the reader stands on; skips anything else.</summary>
    public static void ForEachObject<TState>(ref Utf8JsonReader reader, TState state, Reader<bool, TState> each)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) each(ref reader, state);
            else reader.Skip();
        }
    }

    /// <summary>The string the reader stands on, or null (and the value skipped) for any other type.</summary>
    public static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }
}
