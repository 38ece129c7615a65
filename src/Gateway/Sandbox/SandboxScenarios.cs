namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// The fixed sandbox: credentials, connections, and the scenarios keyed by destination number. Provider answers and
/// callbacks are the repository's recorded fixtures, so the sandbox shows exactly what the gateway does with real shapes.
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
    public const string MetaNumber = "+15550783881";
    public const string MetaTemplateOnlyNumber = "+15550783882";
    public const string BaileysNumber = "+5511999990000";
    public const string MetaPhoneNumberId = "109900000000001";
    public const string MetaTemplateOnlyPhoneNumberId = "109900000000002";
    public const string BaileysInstance = "sandbox-instance";
    public const string MetaWabaId = "109900000000100";

    /// <summary>The sandbox instance's Evolution key: the gateway sends it, and Evolution's callbacks carry it back.</summary>
    public const string EvolutionApiKey = "sandbox-evolution-key";

    /// <summary>The app secret the Meta double signs its callbacks with, and the verify token; sandbox only (loopback).</summary>
    public const string MetaAppSecret = "sandbox-meta-app-secret";
    public const string MetaVerifyToken = "sandbox-meta-verify-token";

    /// <summary>A Meta number whose WABA id is wrong: its sync answers 100/33 (the recorded graph-waba fixture's WABA).</summary>
    /// <summary>A Baileys connection its Evolution server reported down (connection.update close): its messages wait, unattempted.</summary>
    public const string BaileysOfflineKey = "sandbox-baileys-offline";
    public const string BaileysOfflineConnectionId = "con_sandbox_baileys_offline";
    public const string BaileysOfflineNumber = "+5511999990001";
    public const string BaileysOfflineInstance = "sandbox-instance-offline";

    /// <summary>The WhatsApp id of the contact that wrote to the demo Meta number two days ago (the 24 h window scenario).</summary>
    public const string WroteTwoDaysAgo = "5511900000003";

    public const string MetaBrokenWabaConnectionId = "con_sandbox_meta_broken_waba";
    public const string MetaBrokenWabaId = "102938475600002";

    private const string MetaAccepted = "meta/send-text/success-text.json";
    private const string EvolutionAccepted = "baileys/send-text/sent-prepare-message.json";

    /// <summary>What Meta sends after it accepted a message the phone then received: sent, then delivered.</summary>
    public static IReadOnlyList<SandboxCallback> MetaDelivered { get; } =
        [new("meta/webhook/status-sent.json", Seconds(1)), new("meta/webhook/status-delivered.json", Seconds(2))];

    /// <summary>What Evolution sends for a message the phone received: the server's ack, then the phone's.</summary>
    public static IReadOnlyList<SandboxCallback> EvolutionDelivered { get; } =
        [new("baileys/webhook/wh-update-server-ack.json", Seconds(1)), new("baileys/webhook/wh-update-delivery-ack.json", Seconds(2))];

    private static IReadOnlyList<SandboxCallback> MetaRead { get; } = [.. MetaDelivered, new("meta/webhook/status-read.json", Seconds(3))];

    // Meta accepts every send with a 200 and says "not on WhatsApp" only in the status webhook (evolution-api#989).
    private static IReadOnlyList<SandboxCallback> MetaUndeliverable { get; } =
        [new("meta/webhook/status-sent.json", Seconds(1)), new("meta/webhook/131026-failed-v16.json", Seconds(2))];

    private static IReadOnlyList<SandboxCallback> MetaDeliveredLate { get; } =
        [new("meta/webhook/status-sent.json", Seconds(1)), new("meta/webhook/status-delivered.json", Seconds(12))];

    // Baileys answers 201, then its server refuses the message (463: restricted account), as Evolution forwards it.
    private static IReadOnlyList<SandboxCallback> EvolutionRefused { get; } =
        [new("baileys/webhook/wh-update-server-ack.json", Seconds(1)), new("baileys/webhook/wh-update-error-463.json", Seconds(2))];

    /// <summary>
    /// Every scenario, one row each. Lifecycle rows use deadlines of seconds so their codes show within a minute
    /// (with the sandbox's 1 s sweeper and short back-off, <see cref="SandboxSettings"/>).
    /// </summary>
    public static IReadOnlyList<SandboxScenario> All { get; } =
    [
        Meta("delivered", "+5511900000001", Delivered, [MetaAccepted], MetaDelivered),
        Meta("not on WhatsApp (Meta)", "+5511900000002", Failed("WHATSAPP_NOT_EXIST"), ["meta/send-text/131026-undeliverable.json"]),
        Meta("outside the 24 h window", "+5511900000003", Failed("META_OUTSIDE_24H_WINDOW"), ["meta/send-text/131047-outside-window.json"]),
        Meta("no conversation yet: the contact never wrote (same 131047 answer)", "+5511900000008", Failed("META_NO_CONVERSATION"), ["meta/send-text/131047-outside-window.json"]),
        Meta("rate limited, then delivered", "+5511900000004", Delivered, ["meta/send-text/131056-pair-rate-limit.json", MetaAccepted], MetaDelivered),
        Meta("token invalid", "+5511900000005", Failed("META_TOKEN_INVALID"), ["meta/send-text/190-cannot-parse-token.json"]),
        Meta("invalid destination", "+12", Failed("INVALID_DESTINATION"), []),
        new("free-form on a template-only Meta number", "meta", MetaTemplateOnlyKey, "+5511900000007", "Hello", null, null, Failed("FREE_FORM_NOT_SUPPORTED"), [], []),
        Meta("read", "+5511900000021", Delivered, [MetaAccepted], MetaRead),
        Meta("not on WhatsApp, said only by webhook after a 200 (Meta 131026)", "+5511900000022", Failed("WHATSAPP_NOT_EXIST"), [MetaAccepted], MetaUndeliverable),
        Meta("delivered late: confirmed 12 s after the send, inside its deliverUntil", "+5511900000023", Delivered, [MetaAccepted], MetaDeliveredLate, deliverUntilSeconds: 30),
        Meta("never confirmed: accepted, no webhook before deliverUntil", "+5511900000024", Failed("DELIVERED_NOT_CONFIRMED"), [MetaAccepted], deliverUntilSeconds: 15),
        Meta("always retryable: 503 on every attempt until deliverUntil", "+5511900000025", Failed("EXPIRED_AFTER_ATTEMPTS"),
            ["meta/send-text/2-service-unavailable-transient.json"], deliverUntilSeconds: 14),
        Baileys("delivered (Baileys)", "+5511900000011", Delivered, [EvolutionAccepted], EvolutionDelivered),
        Baileys("refused by webhook after a 201 (Baileys 463)", "+5511900000015", Failed("DELIVERY_TIMEOUT"), [EvolutionAccepted], EvolutionRefused),
        Baileys("not on WhatsApp (Baileys)", "+5511900000012", Failed("WHATSAPP_NOT_EXIST"), ["baileys/send-text/not-on-whatsapp.json"]),
        Baileys("instance unknown to its Evolution server", "+5511900000013", Failed("DELIVERY_TIMEOUT"), ["baileys/send-text/instance-does-not-exist-404.json"]),
        Baileys("instance connection closed, retried until the attempts run out", "+5511900000014", Failed("DELIVERY_TIMEOUT"), ["baileys/send-text/connection-closed-500-string.json"]),
        Offline("connection offline, short deliverUntil: never attempted, expires", "+5511900000031", Failed("MESSAGE_EXPIRED"), deliverUntilSeconds: 10),
        Offline("connection offline, no deliverUntil: the whole default deadline passes unattempted", "+5511900000032", Failed("NEVER_ATTEMPTED_MAX_AGE_EXCEEDED"), deliverUntilSeconds: null),
        Offline("connection offline, long deliverUntil: stays queued until it is back", "+5511900000033", new("QUEUED", null), deliverUntilSeconds: 3600),
    ];

    private static SandboxScenario Offline(string name, string to, SandboxExpectation expect, int? deliverUntilSeconds) =>
        new(name, "baileys", BaileysOfflineKey, to, "Olá do sandbox", null, deliverUntilSeconds, expect, [EvolutionAccepted], []);

    private static SandboxExpectation Delivered => new("DELIVERED", null);

    private static SandboxExpectation Failed(string code) => new("FAILED", code);

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static SandboxScenario Meta(string name, string to, SandboxExpectation expect, IReadOnlyList<string> answers,
        IReadOnlyList<SandboxCallback>? callbacks = null, int? deliverUntilSeconds = null) =>
        new(name, "meta", MetaKey, to, "Hello from the sandbox", null, deliverUntilSeconds, expect, answers, callbacks ?? []);

    private static SandboxScenario Baileys(string name, string to, SandboxExpectation expect, IReadOnlyList<string> answers,
        IReadOnlyList<SandboxCallback>? callbacks = null, int? deliverUntilSeconds = null) =>
        new(name, "baileys", BaileysKey, to, "Olá do sandbox", null, deliverUntilSeconds, expect, answers, callbacks ?? []);
}
