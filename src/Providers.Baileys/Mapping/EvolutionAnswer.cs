using System.Text.Json;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>
/// The parts of one parsed Evolution answer that the rule table reads. Valid only while its document is open.
/// </summary>
/// <param name="Status">HTTP status, when there was one.</param>
/// <param name="Message">
/// The error words as Evolution sent them: <c>response.message</c> of the error envelope (<c>src/main.ts:110</c>),
/// the <c>message</c> of a swallowed <c>{"error":true}</c> or non-2xx body, or a top-level array
/// (<c>whatsappNumbers</c>). <c>string | string[] | object[] | string[][]</c>, or null.
/// </param>
/// <param name="Words">Every string in <paramref name="Message"/>, joined: what the text markers search.</param>
/// <param name="SwallowedError">True for a body <c>{"error":true,…}</c> (restart and connect answer errors with 200).</param>
internal sealed record EvolutionAnswer(int? Status, JsonElement? Message, string Words, bool SwallowedError)
{
    /// <summary>Reads the error words of <paramref name="root"/>.</summary>
    public static EvolutionAnswer Read(int? status, JsonElement root)
    {
        JsonElement? message = null;
        var swallowed = EvolutionJsonReader.IsTrue(root, "error");
        if (root.ValueKind == JsonValueKind.Array)
            message = root;
        else if (EvolutionJsonReader.Member(root, "response") is { } response && EvolutionJsonReader.Member(response, "message") is { } wrapped)
            message = wrapped;
        else if ((swallowed || !IsSuccess(status)) && EvolutionJsonReader.Member(root, "message") is { } bare)
            message = bare;

        return new EvolutionAnswer(status, message, string.Join("; ", EvolutionJsonReader.Flatten(message)), swallowed);
    }

    /// <summary>True for a 2xx status.</summary>
    public static bool IsSuccess(int? status) => status is >= 200 and <= 299;

    /// <summary>True when the message is an array holding an object with <c>exists: false</c> (whatsapp.baileys.service.ts:2137).</summary>
    public bool HasExistsFalse() => Items(JsonValueKind.Object).Any(o => EvolutionJsonReader.Member(o, "exists") is { ValueKind: JsonValueKind.False });

    /// <summary>True when the message is an array of arrays: schema validation errors (abstract.router.ts dataValidate).</summary>
    public bool HasNestedArrays() => Items(JsonValueKind.Array).Any();

    /// <summary>True when <paramref name="marker"/> occurs in the words, ignoring case.</summary>
    public bool Says(string marker) => Words.Contains(marker, StringComparison.OrdinalIgnoreCase);

    private IEnumerable<JsonElement> Items(JsonValueKind kind) =>
        Message is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Where(e => e.ValueKind == kind) : [];
}
