namespace PilotStatus.Gateway.Abstractions.Errors;

/// <summary>
/// The closed set of log error codes (SPEC.md). Every failed message carries exactly one; members are declared in
/// SPEC order and their numeric values are SPEC's row numbers. Never add, rename or drop a member.
/// Wire names (<c>META_WABA_NOT_ACCESSIBLE</c>, …) come from <see cref="ErrorCatalog"/>.
/// </summary>
public enum ErrorCode
{
    /// <summary>The provider accepted the message, but no delivery confirmation arrived before <c>deliverUntil</c>.</summary>
    DeliveredNotConfirmed = 1,

    /// <summary>The message's template, or the requested version of it, does not exist in the template registry.</summary>
    TemplateVersionNotFound = 2,

    /// <summary>The destination is invalid, or normalising it to E.164 failed (also Meta 131021: recipient is the sender).</summary>
    InvalidDestination = 3,

    /// <summary>A send to the platform's own number, on the platform's own connection, was blocked.</summary>
    PilotSelfNumber = 4,

    /// <summary>QUEUED for 7 days with zero real send attempts (the connection was offline the whole time).</summary>
    NeverAttemptedMaxAgeExceeded = 5,

    /// <summary><c>deliverUntil</c> passed after at least one real send attempt, before the provider accepted the message.</summary>
    ExpiredAfterAttempts = 6,

    /// <summary>Legacy: a <c>deliverUntil</c> expiry that none of the lifecycle codes above covers (zero attempts, an explicit earlier deadline; old rows).</summary>
    MessageExpired = 7,

    /// <summary>Delivery timed out, or the instance was disconnected, closed or unknown at its provider; the delivery fallback.</summary>
    DeliveryTimeout = 8,

    /// <summary>The connected instance or number was removed (logged out, device removed, deleted) at the provider.</summary>
    NumberNotFoundRemoved = 9,

    /// <summary>The API key used is linked to a connection that no longer exists.</summary>
    LinkedWhatsappInstanceNotFound = 10,

    /// <summary>The provider says the destination number is not registered on WhatsApp (Meta 131026/1006/1013, Evolution <c>exists:false</c>).</summary>
    WhatsappNotExist = 11,

    /// <summary>The template is not approved at Meta (Meta 132001/132007/132015/132016, or the last sync says not APPROVED).</summary>
    MetaTemplateNotApproved = 12,

    /// <summary>The 24-hour customer-service window is closed (Meta 131047, On-Premises 470) and the contact has written before.</summary>
    MetaOutside24hWindow = 13,

    /// <summary>No conversation exists with this contact yet (Meta 131047/470 and no inbound message from the contact is known).</summary>
    MetaNoConversation = 14,

    /// <summary>A Meta sending limit was reached (4, 613, 80007, 130429, 131048, 131049, 131056, 131064, …).</summary>
    MetaRateLimited = 15,

    /// <summary>The Meta system token is invalid, expired or lacks a permission (0, 3, 10, 190, 200–299, 131005, On-Premises 1005).</summary>
    MetaTokenInvalid = 16,

    /// <summary>A Meta Cloud API failure with no more specific code: the Meta fallback.</summary>
    MetaSendFailed = 17,

    /// <summary>Free-form (non-template) messages are not supported by this provider or connection.</summary>
    FreeFormNotSupported = 18,

    /// <summary>One WhatsApp number already has 4 connections; answered with HTTP 409.</summary>
    NumberConnectionLimitReached = 19,

    /// <summary>The WABA does not exist or the system token may not access it ("Sync with Meta" fails with 100/33).</summary>
    MetaWabaNotAccessible = 20,

    /// <summary>Every other failure: the gateway-wide fallback.</summary>
    SendFailed = 21,
}
