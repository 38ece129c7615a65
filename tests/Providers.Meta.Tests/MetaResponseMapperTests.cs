using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;

namespace PilotStatus.Gateway.Providers.Meta.Tests;

public sealed class MetaResponseMapperTests
{
    private static string Graph(int code, int? subcode = null, string? details = null, string message = "(#x) t") =>
        "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
        + (subcode is null ? "" : ",\"error_subcode\":" + subcode)
        + (details is null ? "" : ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"}")
        + ",\"fbtrace_id\":\"AbC123\"}}";

    [Fact]
    public void MapGraph_100Subcode33_IsWabaNotAccessible()
    {
        var outcome = MetaResponseMapper.MapGraph(400, Graph(100, 33, message: "Unsupported get request. Object with ID '1' does not exist"), null);
        outcome.ShouldSatisfyAllConditions(
            o => o.Kind.ShouldBe(OutcomeKind.Failed),
            o => o.Code.ShouldBe(ErrorCode.MetaWabaNotAccessible),
            o => o.RuleId.ShouldBe("meta.100.33.graph"),
            o => o.Evidence.ProviderCode.ShouldBe("100"),
            o => o.Evidence.ProviderSubcode.ShouldBe("33"),
            o => o.Evidence.TraceId.ShouldBe("AbC123"));
    }

    [Fact]
    public void MapSend_100Subcode33_IsMetaSendFailed_NotWaba() =>
        MetaResponseMapper.MapSend(400, Graph(100, 33), null, InboundHistory.Unknown).Code.ShouldBe(ErrorCode.MetaSendFailed);

    [Fact]
    public void MapGraph_NonexistingFieldOnBusiness_IsWabaNotAccessible() =>
        MetaResponseMapper.MapGraph(400, Graph(100, message: "(#100) Tried accessing nonexisting field (message_templates) on node type (Business)"), null)
            .Code.ShouldBe(ErrorCode.MetaWabaNotAccessible);

    [Fact]
    public void MapGraph_190_StaysTokenInvalid() =>
        MetaResponseMapper.MapGraph(401, Graph(190, 463), null).Code.ShouldBe(ErrorCode.MetaTokenInvalid);

    [Theory]
    [InlineData(InboundHistory.None, ErrorCode.MetaNoConversation)]
    [InlineData(InboundHistory.Known, ErrorCode.MetaOutside24hWindow)]
    [InlineData(InboundHistory.Unknown, ErrorCode.MetaOutside24hWindow)]
    public void MapSend_131047_DependsOnInboundHistory(InboundHistory history, ErrorCode expected) =>
        MetaResponseMapper.MapSend(400, Graph(131047), null, history).Code.ShouldBe(expected);

    [Theory]
    [InlineData("Message must be a template message", ErrorCode.FreeFormNotSupported)]
    [InlineData("Invalid parameter 'to': not a valid phone number", ErrorCode.InvalidDestination)]
    [InlineData("Parameter 'text' is mandatory for component parameter type 'text'", ErrorCode.MetaSendFailed)]
    public void MapSend_100_DecidedByDetailsOnlyWhereMetaGivesNothingElse(string details, ErrorCode expected) =>
        MetaResponseMapper.MapSend(400, Graph(100, details: details), null, InboundHistory.Unknown).Code.ShouldBe(expected);

    [Fact]
    public void MapSend_RateLimitWithUsageHeader_TakesRegainTimeAsHint()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [MetaResponseMapper.UsageHeader] = "{\"102290129340398\":[{\"type\":\"whatsapp\",\"call_count\":100,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":5}]}",
        };
        var outcome = MetaResponseMapper.MapSend(400, Graph(130429), headers, InboundHistory.Unknown);
        outcome.ShouldSatisfyAllConditions(
            o => o.Kind.ShouldBe(OutcomeKind.Retry),
            o => o.Code.ShouldBe(ErrorCode.MetaRateLimited),
            o => o.RetryAfter.ShouldBe(TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 4)]
    [InlineData(2, 16)]
    public void MapSend_PairRateLimitWithoutHeader_Follows4PowerXGuidance(int attempt, int seconds) =>
        MetaResponseMapper.MapSend(400, Graph(131056), null, InboundHistory.Unknown, attempt).RetryAfter.ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void MapSend_UnknownTransientCode_IsRetryableFallback()
    {
        var outcome = MetaResponseMapper.MapSend(400, "{\"error\":{\"code\":424242,\"is_transient\":true,\"message\":\"x\"}}", null, InboundHistory.Unknown);
        outcome.ShouldSatisfyAllConditions(o => o.Code.ShouldBe(ErrorCode.MetaSendFailed), o => o.Kind.ShouldBe(OutcomeKind.Retry), o => o.RuleId.ShouldBe("meta.unknown-code"));
    }

    [Theory]
    [InlineData(502, "<html><body>Bad Gateway</body></html>", OutcomeKind.Retry)]
    [InlineData(500, "", OutcomeKind.Retry)]
    [InlineData(400, "{\"error\":{\"message\":\"(#131", OutcomeKind.Failed)]
    [InlineData(200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[]}", OutcomeKind.Failed)]
    public void MapSend_BodyWithoutUsableAnswer_IsMetaSendFailedWithRawBodyKept(int status, string body, OutcomeKind kind)
    {
        var outcome = MetaResponseMapper.MapSend(status, body, null, InboundHistory.Unknown);
        outcome.ShouldSatisfyAllConditions(
            o => o.Kind.ShouldBe(kind),
            o => o.Code.ShouldBe(ErrorCode.MetaSendFailed),
            o => o.Evidence.RawBody.ShouldBe(body));
    }

    [Fact]
    public void MapSend_Accepted_KeepsWamidAndWaId()
    {
        var outcome = MetaResponseMapper.MapSend(200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+5563984622450\",\"wa_id\":\"556384622450\"}],\"messages\":[{\"id\":\"wamid.HBgM\"}]}", null, InboundHistory.Unknown);
        outcome.ShouldSatisfyAllConditions(
            o => o.Kind.ShouldBe(OutcomeKind.Sent),
            o => o.Code.ShouldBeNull(),
            o => o.ProviderMessageId.ShouldBe("wamid.HBgM"),
            o => o.RecipientId.ShouldBe("556384622450"));
    }

    [Fact]
    public void MapSend_LegacyTitleOnly429_IsRateLimited() =>
        MetaResponseMapper.MapSend(429, "{\"errors\":[{\"title\":\"Too many requests\"}]}", null, InboundHistory.Unknown)
            .ShouldSatisfyAllConditions(o => o.Code.ShouldBe(ErrorCode.MetaRateLimited), o => o.Kind.ShouldBe(OutcomeKind.Retry));

    [Fact]
    public void MapSend_PagingUrlWithToken_IsRedactedInRawBody() =>
        MetaResponseMapper.MapSend(400, "{\"error\":{\"code\":100,\"message\":\"https://graph.facebook.com/x?access_token=EAAGsecret\"}}", null, InboundHistory.Unknown)
            .Evidence.RawBody!.ShouldNotContain("EAAGsecret");
}
