using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Dispatch;

/// <summary>
/// What one provider outcome does to a queued message (SPEC "Retries"), as a pure function. Attempts count only
/// requests that may have reached the provider; an unknown result is parked (no next attempt) and never re-sent:
/// a webhook or the deadline rules resolve it.
/// </summary>
internal static class OutcomeApplier
{
    public static MessageRecord Apply(MessageRecord message, ProviderOutcome outcome, DateTimeOffset now, DispatcherOptions options)
    {
        var attempts = outcome.Attempt == SendAttempt.NotSent ? message.Attempts : message.Attempts + 1;
        var evidence = message with
        {
            Attempts = attempts,
            ProviderCode = outcome.Evidence.ProviderCode ?? message.ProviderCode,
            ErrorMessage = outcome.Evidence.ProviderMessage ?? message.ErrorMessage,
        };

        switch (outcome.Kind)
        {
            case OutcomeKind.Sent or OutcomeKind.Delivered or OutcomeKind.Read:
                return evidence with
                {
                    Status = MessageStatus.Sent,
                    ProviderMessageId = outcome.ProviderMessageId,
                    SentAt = now,
                    NextAttemptAt = null,
                    ErrorCode = null,
                    ErrorMessage = null,
                };
            case OutcomeKind.Retry or OutcomeKind.ConnectionDown when outcome.Attempt == SendAttempt.Unknown:
                return evidence with { ErrorCode = outcome.Code, NextAttemptAt = null, ErrorMessage = "result unknown, not re-sent: " + outcome.Evidence.ProviderMessage };
            case OutcomeKind.Retry or OutcomeKind.ConnectionDown when outcome.Attempt == SendAttempt.NotSent:
                return evidence with { ErrorCode = outcome.Code, NextAttemptAt = now + Backoff(Math.Max(attempts, 1), null, options) };
            case OutcomeKind.Retry or OutcomeKind.ConnectionDown when attempts < options.MaxAttempts:
                return evidence with { ErrorCode = outcome.Code, NextAttemptAt = now + Backoff(attempts, outcome.RetryAfter, options) };
            default:
                return evidence with
                {
                    Status = MessageStatus.Failed,
                    ErrorCode = outcome.Code ?? (outcome.Kind == OutcomeKind.ConnectionRemoved ? ErrorCode.NumberNotFoundRemoved : ErrorCode.SendFailed),
                    FailedAt = now,
                    NextAttemptAt = null,
                };
        }
    }

    /// <summary>The provider's hint when it gave one, else exponential from <see cref="DispatcherOptions.BaseBackoff"/>; clamped to <see cref="DispatcherOptions.MaxBackoff"/>.</summary>
    internal static TimeSpan Backoff(int attempts, TimeSpan? hint, DispatcherOptions options)
    {
        var wait = hint ?? options.BaseBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return wait < options.BaseBackoff ? options.BaseBackoff : wait > options.MaxBackoff ? options.MaxBackoff : wait;
    }
}
