using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>
/// What one webhook event does to a stored message, as a pure function: states only move forward
/// (QUEUED → SENT → DELIVERED, or → FAILED), so duplicates and late events change nothing.
/// </summary>
internal static class WebhookApplier
{
    /// <summary>The message after the event, or null when the event changes nothing.</summary>
    public static MessageRecord? Apply(MessageRecord message, ProviderOutcome update, DateTimeOffset now)
    {
        var at = update.OccurredAt ?? now;
        var open = message.Status is MessageStatus.Queued or MessageStatus.Sent;
        return update.Kind switch
        {
            OutcomeKind.Sent when message.Status == MessageStatus.Queued => message with
            {
                Status = MessageStatus.Sent, SentAt = at, NextAttemptAt = null, ErrorCode = null,
                ProviderMessageId = message.ProviderMessageId ?? update.ProviderMessageId,
            },
            OutcomeKind.Delivered or OutcomeKind.Read when open => message with
            {
                Status = MessageStatus.Delivered, DeliveredAt = at, SentAt = message.SentAt ?? at, NextAttemptAt = null, ErrorCode = null,
                ProviderMessageId = message.ProviderMessageId ?? update.ProviderMessageId,
            },
            // A failure reported after the provider took the message: re-sending would be a second message, so it ends here.
            OutcomeKind.Failed or OutcomeKind.Retry when open && update.Code is { } code => message with
            {
                Status = MessageStatus.Failed, ErrorCode = code, FailedAt = at, NextAttemptAt = null,
                ProviderCode = update.Evidence.ProviderCode ?? message.ProviderCode,
                ErrorMessage = update.Evidence.ProviderMessage ?? message.ErrorMessage,
                ProviderMessageId = message.ProviderMessageId ?? update.ProviderMessageId,
            },
            _ => null,
        };
    }
}
