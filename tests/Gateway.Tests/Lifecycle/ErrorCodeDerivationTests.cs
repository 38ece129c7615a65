using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Lifecycle;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Tests.Lifecycle;

/// <summary>SPEC.md "How this project resolves the lifecycle codes", row by row.</summary>
public sealed class ErrorCodeDerivationTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static MessageRecord Message(MessageStatus status, int attempts, TimeSpan deadline, ErrorCode? code = null, DateTimeOffset? failedAt = null) => new()
    {
        Id = "msg_1", ApiKeyId = "key_1", To = "+5511987654321", Status = status, Attempts = attempts, ErrorCode = code,
        CreatedAt = Created, DeliverUntil = Created + deadline, FailedAt = failedAt,
    };

    public static TheoryData<string, string, int, TimeSpan, TimeSpan, ErrorCode?> DeadlineRows() => new()
    {
        // row, status, attempts, deliverUntil - createdAt, now - createdAt, expected
        { "SENT, unconfirmed, deadline passed", "Sent", 1, TimeSpan.FromHours(1), TimeSpan.FromHours(2), ErrorCode.DeliveredNotConfirmed },
        { "never accepted, attempts, deadline passed", "Queued", 3, TimeSpan.FromHours(1), TimeSpan.FromHours(2), ErrorCode.ExpiredAfterAttempts },
        { "queued, zero attempts, 7 days", "Queued", 0, TimeSpan.FromDays(7), TimeSpan.FromDays(7), ErrorCode.NeverAttemptedMaxAgeExceeded },
        { "queued, zero attempts, explicit earlier deadline", "Queued", 0, TimeSpan.FromHours(1), TimeSpan.FromHours(1), ErrorCode.MessageExpired },
        { "deadline not passed yet", "Queued", 0, TimeSpan.FromDays(7), TimeSpan.FromDays(6), null },
        { "delivered: nothing to expire", "Delivered", 1, TimeSpan.FromHours(1), TimeSpan.FromHours(2), null },
        { "canceled: no code", "Canceled", 0, TimeSpan.FromHours(1), TimeSpan.FromHours(2), null },
    };

    [Theory]
    [MemberData(nameof(DeadlineRows))]
    public void AtDeadline_SpecRow_GivesItsCode(string row, string status, int attempts, TimeSpan deadline, TimeSpan elapsed, ErrorCode? expected) =>
        ErrorCodeDerivation.AtDeadline(Message(Enum.Parse<MessageStatus>(status), attempts, deadline), Created + elapsed, ErrorCodeDerivation.MaxAge).ShouldBe(expected, row);

    [Theory]
    [InlineData(40, ErrorCode.NeverAttemptedMaxAgeExceeded)] // the configured default deadline, passed unattempted (the sandbox's 40 s)
    [InlineData(39, ErrorCode.MessageExpired)]               // an explicit, shorter deadline
    public void AtDeadline_ConfiguredDefaultDeadline_IsTheMaxAge(int deadlineSeconds, ErrorCode expected) =>
        ErrorCodeDerivation.AtDeadline(Message(MessageStatus.Queued, 0, TimeSpan.FromSeconds(deadlineSeconds)), Created.AddMinutes(1), TimeSpan.FromSeconds(40))
            .ShouldBe(expected);

    [Fact]
    public void ForLog_FailedWithStoredCode_IsThatCode_NeverTheText() =>
        ErrorCodeDerivation.ForLog(Message(MessageStatus.Failed, 1, TimeSpan.FromDays(7), ErrorCode.WhatsappNotExist) with { ErrorMessage = "expired" })
            .ShouldBe(ErrorCode.WhatsappNotExist);

    [Fact]
    public void ForLog_LegacyRowThatExpired_IsMessageExpired() =>
        ErrorCodeDerivation.ForLog(Message(MessageStatus.Failed, 0, TimeSpan.FromHours(1), failedAt: Created.AddHours(2))).ShouldBe(ErrorCode.MessageExpired);

    [Fact]
    public void ForLog_LegacyRowThatDidNotExpire_IsSendFailed() =>
        ErrorCodeDerivation.ForLog(Message(MessageStatus.Failed, 1, TimeSpan.FromDays(7), failedAt: Created.AddMinutes(1))).ShouldBe(ErrorCode.SendFailed);

    [Theory]
    [InlineData("Queued")]
    [InlineData("Sent")]
    [InlineData("Delivered")]
    [InlineData("Canceled")]
    public void ForLog_NotFailed_HasNoCode(string status) => ErrorCodeDerivation.ForLog(Message(Enum.Parse<MessageStatus>(status), 0, TimeSpan.FromDays(7))).ShouldBeNull();
}
