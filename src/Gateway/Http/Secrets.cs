using System.Security.Cryptography;
using System.Text;

namespace PilotStatus.Gateway.Http;

/// <summary>Token handling: keys are hashed for storage and compared in constant time.</summary>
internal static class Secrets
{
    /// <summary>A new API key: 32 random bytes, URL-safe.</summary>
    public static string NewApiKey() => "psk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The SHA-256 of a key, hex: what is stored and looked up.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares two tokens in constant time (their hashes, so lengths leak nothing either).</summary>
    public static bool Same(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The API key record presented as the bearer token, or null (no token, or an unknown key).</summary>
    public static async Task<Connections.ApiKeyRecord?> ApiKeyAsync(HttpRequest request, Storage.IGatewayStore store, CancellationToken ct) =>
        Bearer(request) is { Length: > 0 } presented ? await store.FindApiKeyByHashAsync(Hash(presented), ct).ConfigureAwait(false) : null;

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
