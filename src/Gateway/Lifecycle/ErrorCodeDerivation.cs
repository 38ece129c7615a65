using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Lifecycle;

/// <summary>
/// SPEC.md's "How this project resolves the lifecycle codes", as pure functions of the stored fields and the clock:
/// the deadline rules the sweeper applies, and the <c>errorCode</c> the logs show. Never parses <c>errorMessage</c>
/// of a row that has a stored code.
/// </summary>
internal static class ErrorCodeDerivation
{
    /// <summary>SPEC's default deadline: <c>createdAt</c> + 7 days (<c>Gateway:DefaultDeliverUntil</c>).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>
    /// The code a message ends with because its deadline passed, or null when it has not, or when the message is not
    /// waiting on one (delivered, failed, canceled). <paramref name="maxAge"/> is the default deadline messages get
    /// (SPEC's 7 days unless configured): a message that sat unattempted that long is "never attempted, max age".
    /// </summary>
    public static ErrorCode? AtDeadline(MessageRecord message, DateTimeOffset now, TimeSpan maxAge)
    {
        if (message.DeliverUntil > now) return null;
        return message.Status switch
        {
            // Accepted by the provider, never confirmed.
            MessageStatus.Sent => ErrorCode.DeliveredNotConfirmed,
            // Never accepted, but at least one request may have reached the provider.
            MessageStatus.Queued when message.Attempts > 0 => ErrorCode.ExpiredAfterAttempts,
            // Zero attempts the whole default deadline (a week): its connection was offline throughout.
            MessageStatus.Queued when message.DeliverUntil - message.CreatedAt >= maxAge => ErrorCode.NeverAttemptedMaxAgeExceeded,
            // Zero attempts, an explicit earlier deadline: the expiry none of the codes above covers.
            MessageStatus.Queued => ErrorCode.MessageExpired,
            _ => null,
        };
    }

    /// <summary>
    /// The <c>errorCode</c> of a stored row: its stored code when failed; for a legacy failed row with no stored code,
    /// <c>MESSAGE_EXPIRED</c> if it expired (failed at or after its deadline), else <c>SEND_FAILED</c>; null for
    /// every other status (CANCELED carries no code).
    /// </summary>
    public static ErrorCode? ForLog(MessageRecord message) => message.Status switch
    {
        MessageStatus.Failed when message.ErrorCode is { } stored => stored,
        MessageStatus.Failed when message.FailedAt is { } failedAt && failedAt >= message.DeliverUntil => ErrorCode.MessageExpired,
        MessageStatus.Failed => ErrorCode.SendFailed,
        _ => null,
    };
}
