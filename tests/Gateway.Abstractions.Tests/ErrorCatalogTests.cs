using PilotStatus.Gateway.Abstractions.Errors;

namespace PilotStatus.Gateway.Abstractions.Tests;

public sealed class ErrorCatalogTests
{
    // SPEC.md's table, in its order: the contract this enum must never drift from.
    private static readonly string[] SpecOrder =
    [
        "DELIVERED_NOT_CONFIRMED", "TEMPLATE_VERSION_NOT_FOUND", "INVALID_DESTINATION", "PILOT_SELF_NUMBER",
        "NEVER_ATTEMPTED_MAX_AGE_EXCEEDED", "EXPIRED_AFTER_ATTEMPTS", "MESSAGE_EXPIRED", "DELIVERY_TIMEOUT",
        "NUMBER_NOT_FOUND_REMOVED", "LINKED_WHATSAPP_INSTANCE_NOT_FOUND", "WHATSAPP_NOT_EXIST", "META_TEMPLATE_NOT_APPROVED",
        "META_OUTSIDE_24H_WINDOW", "META_NO_CONVERSATION", "META_RATE_LIMITED", "META_TOKEN_INVALID", "META_SEND_FAILED",
        "FREE_FORM_NOT_SUPPORTED", "NUMBER_CONNECTION_LIMIT_REACHED", "META_WABA_NOT_ACCESSIBLE", "SEND_FAILED",
    ];

    [Fact]
    public void All_ListsTheTwentyOneSpecCodes_InSpecOrder() =>
        ErrorCatalog.All.Select(i => i.Name).ShouldBe(SpecOrder);

    [Fact]
    public void All_CoversEveryEnumMember_WithItsSpecRowNumber()
    {
        Enum.GetValues<ErrorCode>().Length.ShouldBe(21);
        for (var i = 0; i < ErrorCatalog.All.Count; i++)
            ((int)ErrorCatalog.All[i].Code).ShouldBe(i + 1);
    }

    [Fact]
    public void All_EveryCodeHasMeaningAndOperatorAction()
    {
        foreach (var info in ErrorCatalog.All)
        {
            info.ShouldSatisfyAllConditions(
                i => i.Meaning.ShouldNotBeNullOrWhiteSpace(),
                i => i.OperatorAction.ShouldNotBeNullOrWhiteSpace());
        }
    }

    [Theory]
    [InlineData("META_RATE_LIMITED", ErrorCode.MetaRateLimited)]
    [InlineData("META_OUTSIDE_24H_WINDOW", ErrorCode.MetaOutside24hWindow)]
    [InlineData("WHATSAPP_NOT_EXIST", ErrorCode.WhatsappNotExist)]
    public void TryParse_SpecName_ReturnsCode(string name, ErrorCode expected)
    {
        ErrorCatalog.TryParse(name, out var code).ShouldBeTrue();
        code.ShouldBe(expected);
        ErrorCatalog.NameOf(code).ShouldBe(name);
    }

    [Theory]
    [InlineData("meta_rate_limited")]
    [InlineData("MetaRateLimited")]
    [InlineData("RATE_LIMITED")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRejected(string? name) =>
        ErrorCatalog.TryParse(name, out _).ShouldBeFalse();

    [Fact]
    public void Retryable_OnlyTransientCodes() =>
        ErrorCatalog.All.Where(i => i.Retryable).Select(i => i.Code)
            .ShouldBe([ErrorCode.DeliveryTimeout, ErrorCode.MetaRateLimited], ignoreOrder: true);
}
