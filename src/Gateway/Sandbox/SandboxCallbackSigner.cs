using System.Text;
using WireMock;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// Signs the doubles' Meta callbacks as Meta does: <c>X-Hub-Signature-256: sha256=</c> and the hex HMAC-SHA256 of
/// the exact body bytes with the app secret. The body is rendered per send (it carries that send's ids), so the
/// signature cannot be fixed in the mapping: WireMock calls this hook after rendering and before sending.
/// </summary>
internal sealed class SandboxCallbackSigner(string appSecret) : WebhookSettings
{
    /// <summary>The header a callback declares (empty) to be signed.</summary>
    public const string Header = Webhooks.MetaSignature.Header;

    /// <inheritdoc />
    public override void PostTransform(IMapping mapping, string requestUrl, IBodyData? bodyData, IDictionary<string, WireMockList<string>>? headers)
    {
        if (headers is null || !headers.ContainsKey(Header)) return;
        // WireMock sends a string body as UTF-8 (StringContent), so these are the bytes the gateway verifies.
        var body = Encoding.UTF8.GetBytes(bodyData?.BodyAsString ?? "");
        headers[Header] = new WireMockList<string>(Webhooks.MetaSignature.Of(body, appSecret));
    }
}
