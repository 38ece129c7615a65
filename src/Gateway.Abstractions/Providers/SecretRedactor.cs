using System.Buffers;
using System.Text.RegularExpressions;

namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>
/// Removes secrets from raw provider text before it is kept or shown: access tokens in Graph paging URLs,
/// Evolution <c>apikey</c>/<c>token</c>/<c>hash</c> members, bearer tokens. Also caps the length.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>Longest raw body kept, in characters.</summary>
    public const int MaxRawLength = 8 * 1024;

    /// <summary>What a removed secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The text with secrets masked and cut to <see cref="MaxRawLength"/>; null stays null.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        if (text.Length > MaxRawLength) text = text[..MaxRawLength];
        // Cheap pre-check: most error bodies carry no secret at all, so the regexes are skipped on the hot path.
        if (!MayHoldSecret(text)) return text;
        text = AccessTokenParameter().Replace(text, "$1" + Mask);
        text = SecretJsonMember().Replace(text, "$1" + Mask + "\"");
        return BearerToken().Replace(text, "$1" + Mask);
    }

    // Every secret the regexes below can match contains one of these words: one vectorized pass decides.
    private static readonly SearchValues<string> SecretWords =
        SearchValues.Create(["token", "apikey", "api_key", "secret", "\"hash\"", "bearer", "appsecret_proof"], StringComparison.OrdinalIgnoreCase);

    private static bool MayHoldSecret(string text) => text.AsSpan().ContainsAny(SecretWords);

    [GeneratedRegex(@"((?:access_token|input_token|appsecret_proof)=)[^&""'\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex AccessTokenParameter();

    [GeneratedRegex(@"(""(?:apikey|api_key|apiKey|token|hash|access_token|systemToken|system_token|appSecret|app_secret|secret)""\s*:\s*"")(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretJsonMember();

    [GeneratedRegex(@"(Bearer\s+)[A-Za-z0-9\-._~+/=]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();
}
