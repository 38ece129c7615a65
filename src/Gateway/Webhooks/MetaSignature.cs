using System.Security.Cryptography;
using System.Text;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=</c> and the hex HMAC-SHA256 of the raw body bytes with
/// the app secret. The gateway verifies it; the sandbox's Meta double signs with it, as Meta does.
/// </summary>
internal static class MetaSignature
{
    /// <summary>The header Meta signs webhook POSTs in.</summary>
    public const string Header = "X-Hub-Signature-256";

    /// <summary>The header value for <paramref name="body"/>.</summary>
    public static string Of(ReadOnlySpan<byte> body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/>, compared in constant time (the official Node SDK's check).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string header, string appSecret)
    {
        if (!header.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) return false;
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body), presented);
    }
}
