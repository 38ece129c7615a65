namespace PilotStatus.Gateway.Webhooks;

/// <summary>Meta webhook settings (section <c>Gateway:Webhooks:Meta</c>); both are secrets.</summary>
internal sealed class MetaWebhookOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Gateway:Webhooks:Meta";

    /// <summary>The token Meta's verification handshake must present (<c>hub.verify_token</c>).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The app secret that signs every webhook POST (<c>X-Hub-Signature-256</c>); without it every POST is refused.</summary>
    public string? AppSecret { get; set; }
}
