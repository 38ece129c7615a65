using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Dispatch;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Tests.Dispatch;

/// <summary>SPEC "Retries" as a table: what each outcome does to a queued message.</summary>
public sealed class OutcomeApplierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DispatcherOptions Options = new() { MaxAttempts = 3, BaseBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromMinutes(15) };

    private static MessageRecord Queued(int attempts = 0) => new()
    {
        Id = "msg_1", ApiKeyId = "key_1", ConnectionId = "con_1", Provider = "meta", To = "+15557654321", Text = "hi",
        Status = MessageStatus.Queued, Attempts = attempts, CreatedAt = Now.AddMinutes(-1), DeliverUntil = Now.AddDays(7), NextAttemptAt = Now,
    };

    private static ProviderOutcome Outcome(OutcomeKind kind, ErrorCode? code = null, SendAttempt attempt = SendAttempt.Answered, TimeSpan? retryAfter = null) => new()
    {
        Kind = kind, Code = code, Retryable = kind == OutcomeKind.Retry, Attempt = attempt, RetryAfter = retryAfter, RuleId = "test",
        ProviderMessageId = kind == OutcomeKind.Sent ? "wamid.X" : null,
        Evidence = new ProviderEvidence("meta", 400, "131056", null, "Pair rate limit hit"),
    };

    [Fact]
    public void Apply_Sent_IsSentWithProviderIdAndOneAttempt() =>
        OutcomeApplier.Apply(Queued(), Outcome(OutcomeKind.Sent), Now, Options).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Sent), m => m.ProviderMessageId.ShouldBe("wamid.X"), m => m.Attempts.ShouldBe(1),
            m => m.SentAt.ShouldBe(Now), m => m.NextAttemptAt.ShouldBeNull(), m => m.ErrorCode.ShouldBeNull());

    [Fact]
    public void Apply_PermanentFailure_EndsAtOnceWithItsCode() =>
        OutcomeApplier.Apply(Queued(), Outcome(OutcomeKind.Failed, ErrorCode.WhatsappNotExist), Now, Options).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Failed), m => m.ErrorCode.ShouldBe(ErrorCode.WhatsappNotExist), m => m.Attempts.ShouldBe(1), m => m.FailedAt.ShouldBe(Now));

    [Fact]
    public void Apply_RetryWithHint_StaysQueuedUntilTheHint() =>
        OutcomeApplier.Apply(Queued(), Outcome(OutcomeKind.Retry, ErrorCode.MetaRateLimited, retryAfter: TimeSpan.FromMinutes(5)), Now, Options).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Queued), m => m.Attempts.ShouldBe(1), m => m.NextAttemptAt.ShouldBe(Now.AddMinutes(5)));

    [Fact]
    public void Apply_RetryHintAboveMax_IsClamped() =>
        OutcomeApplier.Apply(Queued(), Outcome(OutcomeKind.Retry, ErrorCode.MetaRateLimited, retryAfter: TimeSpan.FromDays(1)), Now, Options)
            .NextAttemptAt.ShouldBe(Now + Options.MaxBackoff);

    [Fact]
    public void Apply_RetryOnLastAttempt_EndsWithTheLastCode() =>
        OutcomeApplier.Apply(Queued(attempts: 2), Outcome(OutcomeKind.Retry, ErrorCode.DeliveryTimeout), Now, Options).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Failed), m => m.ErrorCode.ShouldBe(ErrorCode.DeliveryTimeout), m => m.Attempts.ShouldBe(3));

    [Fact]
    public void Apply_NotSent_IsNoAttemptAndStaysQueued() =>
        OutcomeApplier.Apply(Queued(attempts: 2), Outcome(OutcomeKind.Retry, ErrorCode.DeliveryTimeout, SendAttempt.NotSent), Now, Options).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Queued), m => m.Attempts.ShouldBe(2), m => m.NextAttemptAt.ShouldNotBeNull());

    [Fact]
    public void Apply_UnknownResult_CountsAndParksNeverResent() =>
        OutcomeApplier.Apply(Queued(), Outcome(OutcomeKind.Retry, ErrorCode.DeliveryTimeout, SendAttempt.Unknown), Now, Options).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MessageStatus.Queued), m => m.Attempts.ShouldBe(1), m => m.NextAttemptAt.ShouldBeNull());

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    public void Backoff_WithoutHint_Doubles(int attempts, int seconds) =>
        OutcomeApplier.Backoff(attempts, null, Options).ShouldBe(TimeSpan.FromSeconds(seconds));
}
