namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// The fixed sandbox: credentials, connections, and the scenarios keyed by destination number. Provider answers are
/// the repository's recorded fixtures, so the sandbox shows exactly what the mappers do with real shapes.
/// </summary>
internal static class SandboxScenarios
{
    public const string AdminToken = "sandbox-admin";
    public const string MetaKey = "sandbox-meta";
    public const string BaileysKey = "sandbox-baileys";

    /// <summary>A third key, on a template-only Meta number, for the free-form scenario.</summary>
    public const string MetaTemplateOnlyKey = "sandbox-meta-templates";

    public const string MetaConnectionId = "con_sandbox_meta";
    public const string MetaTemplateOnlyConnectionId = "con_sandbox_meta_templates";
    public const string BaileysConnectionId = "con_sandbox_baileys";
    public const string MetaPhoneNumberId = "109900000000001";
    public const string MetaTemplateOnlyPhoneNumberId = "109900000000002";
    public const string BaileysInstance = "sandbox-instance";
    public const string MetaWabaId = "109900000000100";

    /// <summary>A Meta number whose WABA id is wrong: its sync answers 100/33 (the recorded graph-waba fixture's WABA).</summary>
    public const string MetaBrokenWabaConnectionId = "con_sandbox_meta_broken_waba";
    public const string MetaBrokenWabaId = "102938475600002";

    /// <summary>The WhatsApp id of the contact that wrote to the demo Meta number two days ago (the 24 h window scenario).</summary>
    public const string WroteTwoDaysAgo = "5511900000003";

    public static IReadOnlyList<SandboxScenario> All { get; } =
    [
        Meta("sent", "+5511900000001", "SENT", null, "meta/send-text/success-text.json"),
        Meta("not on WhatsApp (Meta)", "+5511900000002", "FAILED", "WHATSAPP_NOT_EXIST", "meta/send-text/131026-undeliverable.json"),
        Meta("outside the 24 h window", "+5511900000003", "FAILED", "META_OUTSIDE_24H_WINDOW", "meta/send-text/131047-outside-window.json"),
        Meta("no conversation yet (the contact never wrote)", "+5511900000008", "FAILED", "META_NO_CONVERSATION", "meta/send-text/131047-outside-window.json"),
        Meta("rate limited, then sent", "+5511900000004", "SENT", null, "meta/send-text/131056-pair-rate-limit.json", "meta/send-text/success-text.json"),
        Meta("token invalid", "+5511900000005", "FAILED", "META_TOKEN_INVALID", "meta/send-text/190-cannot-parse-token.json"),
        Meta("invalid destination", "+12", "FAILED", "INVALID_DESTINATION"),
        new("free-form on a template-only Meta number", "meta", MetaTemplateOnlyKey, "+5511900000007", "Hello", null, null, new("FAILED", "FREE_FORM_NOT_SUPPORTED"), []),
        Baileys("sent (Baileys)", "+5511900000011", "SENT", null, "baileys/send-text/sent-prepare-message.json"),
        Baileys("not on WhatsApp (Baileys)", "+5511900000012", "FAILED", "WHATSAPP_NOT_EXIST", "baileys/send-text/not-on-whatsapp.json"),
        Baileys("instance unknown to its Evolution server", "+5511900000013", "FAILED", "DELIVERY_TIMEOUT", "baileys/send-text/instance-does-not-exist-404.json"),
        Baileys("instance connection closed, retried until the attempts run out", "+5511900000014", "FAILED", "DELIVERY_TIMEOUT", "baileys/send-text/connection-closed-500-string.json"),
    ];

    private static SandboxScenario Meta(string name, string to, string status, string? code, params string[] answers) =>
        new(name, "meta", MetaKey, to, "Hello from the sandbox", null, null, new(status, code), answers);

    private static SandboxScenario Baileys(string name, string to, string status, string? code, params string[] answers) =>
        new(name, "baileys", BaileysKey, to, "Olá do sandbox", null, null, new(status, code), answers);
}
