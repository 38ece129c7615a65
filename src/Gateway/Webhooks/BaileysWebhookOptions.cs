using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>Evolution API webhook settings (section <c>Gateway:Webhooks:Baileys</c>).</summary>
internal sealed class BaileysWebhookOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Gateway:Webhooks:Baileys";

    /// <summary>
    /// The request header that may carry the connection's Evolution key, for setups that put it in the webhook's
    /// <c>headers</c> setting; Evolution's own body field <c>apikey</c> is accepted either way.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]+$")]
    public string SecretHeader { get; set; } = "X-Webhook-Secret";
}
