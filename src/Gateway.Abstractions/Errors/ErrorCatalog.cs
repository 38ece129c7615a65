using System.Collections.Frozen;

namespace PilotStatus.Gateway.Abstractions.Errors;

/// <summary>
/// The one place that describes every <see cref="ErrorCode"/>: wire name, meaning, default retryability, group
/// and operator action. Listed in SPEC.md order. A rule may override retryability for one provider answer
/// (a Meta 5xx is a retryable <see cref="ErrorCode.MetaSendFailed"/>); the value here is the code's usual nature.
/// </summary>
public static class ErrorCatalog
{
    /// <summary>All 21 codes, in SPEC.md order.</summary>
    public static IReadOnlyList<ErrorCodeInfo> All { get; } =
    [
        new(ErrorCode.DeliveredNotConfirmed, "DELIVERED_NOT_CONFIRMED",
            "The provider accepted the message, but no delivery confirmation arrived before its deadline (deliverUntil).",
            false, ErrorGroup.Lifecycle, "Check the recipient's phone is online; re-send only if the content is still relevant."),
        new(ErrorCode.TemplateVersionNotFound, "TEMPLATE_VERSION_NOT_FOUND",
            "The message's template, or the requested version of it, does not exist.",
            false, ErrorGroup.GatewayCheck, "Register the template (or sync it from Meta) and send with an existing version."),
        new(ErrorCode.InvalidDestination, "INVALID_DESTINATION",
            "The destination is invalid, or normalising it to E.164 failed.",
            false, ErrorGroup.GatewayCheck, "Correct the destination number: E.164 with country code, not the sender's own number."),
        new(ErrorCode.PilotSelfNumber, "PILOT_SELF_NUMBER",
            "A send to Pilot Status's own number, on the Pilot Status instance, was blocked.",
            false, ErrorGroup.GatewayCheck, "Do not send to the platform's own number from its own instance."),
        new(ErrorCode.NeverAttemptedMaxAgeExceeded, "NEVER_ATTEMPTED_MAX_AGE_EXCEEDED",
            "The message stayed QUEUED for 7 days with zero send attempts (its instance was offline the whole time).",
            false, ErrorGroup.Lifecycle, "Reconnect the instance, then re-send."),
        new(ErrorCode.ExpiredAfterAttempts, "EXPIRED_AFTER_ATTEMPTS",
            "deliverUntil passed after at least one real send attempt: the delivery window closed while the destination was unreachable.",
            false, ErrorGroup.Lifecycle, "Look at the attempts' provider errors; re-send with a later deliverUntil if still relevant."),
        new(ErrorCode.MessageExpired, "MESSAGE_EXPIRED",
            "Legacy: a deliverUntil expiry, or older expiry behaviour, that none of the lifecycle codes covers.",
            false, ErrorGroup.Lifecycle, "Re-send with a later deliverUntil once the connection is online."),
        new(ErrorCode.DeliveryTimeout, "DELIVERY_TIMEOUT",
            "Delivery timed out; or the instance was disconnected/closed, or not found at the provider; or another delivery failure with no more specific code.",
            true, ErrorGroup.Connection, "Check the instance is connected (scan the QR code again if needed) and exists on its server."),
        new(ErrorCode.NumberNotFoundRemoved, "NUMBER_NOT_FOUND_REMOVED",
            "The connected instance/number was removed at the provider.",
            false, ErrorGroup.Connection, "Re-link the number (new instance or new QR scan) and update the connection."),
        new(ErrorCode.LinkedWhatsappInstanceNotFound, "LINKED_WHATSAPP_INSTANCE_NOT_FOUND",
            "The API key used is linked to a WhatsApp instance that no longer exists (record removed, or an invalid id).",
            false, ErrorGroup.GatewayCheck, "Issue a new API key linked to an existing connection."),
        new(ErrorCode.WhatsappNotExist, "WHATSAPP_NOT_EXIST",
            "The destination number is not registered on WhatsApp (the provider's answer says so).",
            false, ErrorGroup.Recipient, "Verify the number with the recipient; do not retry it."),
        new(ErrorCode.MetaTemplateNotApproved, "META_TEMPLATE_NOT_APPROVED",
            "The template is not approved for the Meta Cloud API; it must be submitted to and approved by Meta before it can be sent.",
            false, ErrorGroup.Content, "Submit the template to Meta, wait for approval, then sync and re-send."),
        new(ErrorCode.MetaOutside24hWindow, "META_OUTSIDE_24H_WINDOW",
            "The 24-hour conversation window is closed; only an approved template may be sent to this number.",
            false, ErrorGroup.Content, "Re-send as an approved template."),
        new(ErrorCode.MetaNoConversation, "META_NO_CONVERSATION",
            "No conversation exists with this number yet; start it with an approved template.",
            false, ErrorGroup.Content, "Start the conversation with an approved template."),
        new(ErrorCode.MetaRateLimited, "META_RATE_LIMITED",
            "Meta's sending limit was reached; wait a few minutes and try again.",
            true, ErrorGroup.RateLimit, "Wait, then retry; lower the send rate or spread sends to one recipient over time."),
        new(ErrorCode.MetaTokenInvalid, "META_TOKEN_INVALID",
            "The Meta token is invalid or expired; the System Token in the number's settings must be updated.",
            false, ErrorGroup.SenderAccount, "Update the System Token (with whatsapp_business_messaging and _management) in the number's settings."),
        new(ErrorCode.MetaSendFailed, "META_SEND_FAILED",
            "A generic Meta Cloud API send failure.",
            false, ErrorGroup.SenderAccount, "Read the provider code and details; fix the request or the WhatsApp Business Account."),
        new(ErrorCode.FreeFormNotSupported, "FREE_FORM_NOT_SUPPORTED",
            "Free-form (non-template) messages are not supported by this WhatsApp provider.",
            false, ErrorGroup.Content, "Re-send as an approved template."),
        new(ErrorCode.NumberConnectionLimitReached, "NUMBER_CONNECTION_LIMIT_REACHED",
            "One WhatsApp number has reached its cap of 4 connections; an existing connection must be removed before another is added.",
            false, ErrorGroup.GatewayCheck, "Remove one of the number's existing connections first."),
        new(ErrorCode.MetaWabaNotAccessible, "META_WABA_NOT_ACCESSIBLE",
            "The WhatsApp Business Account (WABA) id tied to the number does not exist, or the system token may not access it.",
            false, ErrorGroup.SenderAccount, "Check the WABA id (not a Business portfolio id) and assign the WABA to the system user."),
        new(ErrorCode.SendFailed, "SEND_FAILED",
            "Every other failure: HTTP or provider send errors, generic diagnostic messages, and any case no more specific code covers.",
            false, ErrorGroup.SenderAccount, "Read the provider's message in the log; fix the provider configuration or the request."),
    ];

    private static readonly FrozenDictionary<ErrorCode, ErrorCodeInfo> ByCode =
        All.ToFrozenDictionary(i => i.Code);

    private static readonly FrozenDictionary<string, ErrorCode> ByName =
        All.ToFrozenDictionary(i => i.Name, i => i.Code, StringComparer.Ordinal);

    /// <summary>The metadata of <paramref name="code"/>.</summary>
    public static ErrorCodeInfo Get(ErrorCode code) =>
        ByCode.TryGetValue(code, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(code), code, "Not one of the 21 codes.");

    /// <summary>The wire name of <paramref name="code"/> (<c>META_RATE_LIMITED</c>).</summary>
    public static string NameOf(ErrorCode code) => Get(code).Name;

    /// <summary>Parses a wire name; only the 21 exact names of SPEC.md are accepted.</summary>
    public static bool TryParse(string? name, out ErrorCode code)
    {
        code = default;
        return name is not null && ByName.TryGetValue(name, out code);
    }
}
