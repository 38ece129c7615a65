using PilotStatus.Gateway.Cli;

namespace PilotStatus.Gateway.Tests;

public sealed class ExplainTests
{
    private static async Task<string> Explain(string input)
    {
        var output = new StringWriter();
        (await GatewayCli.RunAsync(["classify", "--explain"], new StringReader(input), output, TextWriter.Null)).ShouldBe(0);
        return output.ToString();
    }

    [Fact]
    public async Task Explain_GraphSync100_33_ShowsRowsConsideredWhyAndFixtures()
    {
        var text = await Explain("{\"provider\":\"meta\",\"kind\":\"graph-response\",\"httpStatus\":400,\"body\":{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}}");
        text.ShouldContain("no    meta.100.destination");
        text.ShouldContain("applies to send, webhook, not graph");
        text.ShouldContain("MATCH meta.100.33.graph");
        text.ShouldContain("META_WABA_NOT_ACCESSIBLE: The WhatsApp Business Account");
        text.ShouldContain("operator action: Check the WABA id");
        text.ShouldContain("meta/graph-waba/100-33-unsupported-get.json");
    }

    [Fact]
    public async Task Explain_UnknownMetaCode_SaysUnmatchedAndNamesTheFallback()
    {
        var text = await Explain("{\"provider\":\"meta\",\"kind\":\"send-response\",\"httpStatus\":400,\"body\":{\"error\":{\"code\":424242,\"message\":\"brand new\"}}}");
        text.ShouldContain("(no table row names this answer)");
        text.ShouldContain("unmatched: no table row decided it; fallback meta.unknown-code");
    }

    [Fact]
    public async Task Explain_EvolutionMarker_ListsEveryEarlierRowAndTheMarker()
    {
        var text = await Explain("{\"provider\":\"baileys\",\"kind\":\"send-response\",\"httpStatus\":404,\"body\":{\"status\":404,\"error\":\"Not Found\",\"response\":{\"message\":[\"The \\\"acme\\\" instance does not exist\"]}}}");
        text.ShouldContain("no    evo.connection-closed");
        text.ShouldContain("MATCH evo.instance-does-not-exist");
        text.ShouldContain("DELIVERY_TIMEOUT");
        text.ShouldContain("baileys/send-text/instance-does-not-exist-404.json");
    }

    [Fact]
    public async Task Explain_BadLine_AnswersErrorAndGoesOn()
    {
        var text = await Explain("nope\n{\"provider\":\"meta\",\"kind\":\"send-response\",\"httpStatus\":401,\"body\":{\"error\":{\"code\":190}}}\n");
        text.ShouldStartWith("{\"error\":");
        text.ShouldContain("MATCH meta.190");
    }
}
