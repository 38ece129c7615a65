using System.Text.Json;
using PilotStatus.Gateway.Cli;

namespace PilotStatus.Gateway.Tests;

public sealed class CliTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await GatewayCli.RunAsync(args, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static JsonElement[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    [Fact]
    public async Task Codes_PrintsTwentyOneTabSeparatedLinesInSpecOrder()
    {
        var (exit, output, _) = await Run("", "codes");
        exit.ShouldBe(0);
        var lines = output.TrimEnd().Split('\n');
        lines.Length.ShouldBe(21);
        lines[0].ShouldStartWith("DELIVERED_NOT_CONFIRMED\t");
        lines[19].ShouldStartWith("META_WABA_NOT_ACCESSIBLE\t");
        lines[20].ShouldStartWith("SEND_FAILED\t");
        lines.ShouldAllBe(l => l.Split('\t').Length == 2);
    }

    [Fact]
    public async Task Classify_MetaSendGraphAndWebhook_AnswersTheDesignContract()
    {
        const string input = """
            {"provider":"meta","kind":"send-response","httpStatus":400,"body":{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"fbtrace_id":"A1"}}}
            {"provider":"meta","kind":"graph-response","httpStatus":400,"body":{"error":{"message":"Unsupported get request. Object with ID '1' does not exist","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A2"}}}
            {"provider":"meta","kind":"webhook","httpStatus":null,"body":{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"statuses":[{"id":"wamid.a","status":"delivered","timestamp":"1698231447","recipient_id":"1"},{"id":"wamid.b","status":"failed","timestamp":"1698231447","recipient_id":"1","errors":[{"code":131026,"title":"Message undeliverable"}]}]},"field":"messages"}]}]}}
            {"provider":"meta","kind":"send-response","httpStatus":502,"body":"<html>Bad Gateway</html>"}
            """;
        var (exit, output, _) = await Run(input, "classify");
        exit.ShouldBe(0);
        var lines = Lines(output);
        lines.Length.ShouldBe(4);
        lines[0].GetProperty("outcome").GetString().ShouldBe("failed");
        lines[0].GetProperty("code").GetString().ShouldBe("META_OUTSIDE_24H_WINDOW");
        lines[0].GetProperty("retryable").GetBoolean().ShouldBeFalse();
        lines[0].GetProperty("rule").GetString().ShouldBe("meta.131047");
        lines[0].GetProperty("detail").GetString()!.ShouldStartWith("Message failed to send");
        lines[1].GetProperty("code").GetString().ShouldBe("META_WABA_NOT_ACCESSIBLE");
        lines[2].GetProperty("outcome").GetString().ShouldBe("delivered");
        lines[2].GetProperty("code").ValueKind.ShouldBe(JsonValueKind.Null);
        lines[2].GetProperty("events").GetArrayLength().ShouldBe(2);
        lines[2].GetProperty("events")[1].GetProperty("code").GetString().ShouldBe("WHATSAPP_NOT_EXIST");
        lines[3].GetProperty("outcome").GetString().ShouldBe("retry");
        lines[3].GetProperty("code").GetString().ShouldBe("META_SEND_FAILED");
    }

    [Fact]
    public async Task Classify_BaileysSendInstanceAndWebhook_AnswersTheDesignContract()
    {
        const string input = """
            {"provider":"baileys","kind":"send-response","httpStatus":400,"body":{"status":400,"error":"Bad Request","response":{"message":[{"jid":"5511999990001@s.whatsapp.net","exists":false,"number":"5511999990001"}]}}}
            {"provider":"baileys","kind":"instance-response","httpStatus":404,"body":{"status":404,"error":"Not Found","response":{"message":["The \"acme\" instance does not exist"]}}}
            {"provider":"baileys","kind":"webhook","httpStatus":null,"body":{"event":"connection.update","instance":"acme","data":{"instance":"acme","state":"close","statusReason":401}}}
            {"provider":"baileys","kind":"send-response","httpStatus":201,"body":{"key":{"remoteJid":"553198296801@s.whatsapp.net","fromMe":true,"id":"BAE594145F4C59B4"},"status":"PENDING"}}
            """;
        var (exit, output, _) = await Run(input, "classify");
        exit.ShouldBe(0);
        var lines = Lines(output);
        lines.Select(l => l.GetProperty("outcome").GetString()).ShouldBe(["failed", "failed", "connection-removed", "sent"]);
        lines.Select(l => l.GetProperty("code").ValueKind == JsonValueKind.Null ? null : l.GetProperty("code").GetString())
            .ShouldBe(["WHATSAPP_NOT_EXIST", "DELIVERY_TIMEOUT", "NUMBER_NOT_FOUND_REMOVED", null]);
        lines[3].GetProperty("providerMessageId").GetString().ShouldBe("BAE594145F4C59B4");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"provider\":\"meta\"}")]
    [InlineData("{\"provider\":\"meta\",\"kind\":\"postcard\",\"body\":{}}")]
    [InlineData("{\"provider\":\"meta\",\"kind\":\"webhook\",\"httpStatus\":\"x\",\"body\":{}}")]
    [InlineData("{\"provider\":\"meta\",\"kind\":\"webhook\"}")]
    [InlineData("{\"provider\":\"twilio\",\"kind\":\"webhook\",\"body\":{}}")]
    public async Task Classify_MalformedLine_AnswersErrorAndGoesOn(string bad)
    {
        var good = "{\"provider\":\"meta\",\"kind\":\"send-response\",\"httpStatus\":401,\"body\":{\"error\":{\"code\":190,\"message\":\"x\"}}}";
        var (exit, output, _) = await Run(bad + "\n" + good + "\n", "classify");
        exit.ShouldBe(0);
        var lines = Lines(output);
        lines.Length.ShouldBe(2);
        lines[0].GetProperty("error").GetString().ShouldNotBeNullOrWhiteSpace();
        lines[1].GetProperty("code").GetString().ShouldBe("META_TOKEN_INVALID");
    }

    [Fact]
    public async Task Classify_MissingFile_IsAClearMessageAndExit2()
    {
        var (exit, output, error) = await Run("", "classify", "/nonexistent/exchanges.jsonl");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("/nonexistent/exchanges.jsonl");
    }

    [Fact]
    public async Task Classify_FileWithOnePrettyPrintedObject_IsOneExchange()
    {
        var path = Path.Combine(Path.GetTempPath(), $"classify-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\n  \"provider\": \"meta\",\n  \"kind\": \"send-response\",\n  \"httpStatus\": 400,\n  \"body\": {\"error\": {\"code\": 131026}}\n}\n", TestContext.Current.CancellationToken);
        try
        {
            var (exit, output, _) = await Run("", "classify", path);
            exit.ShouldBe(0);
            Lines(output).Single().GetProperty("code").GetString().ShouldBe("WHATSAPP_NOT_EXIST");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownVerb_IsUsageAndExit2() => (await Run("", "frobnicate")).Exit.ShouldBe(2);
}
