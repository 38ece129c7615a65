using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Cli;
using PilotStatus.Gateway.Providers.Meta;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PilotStatus.Gateway.Tests;

/// <summary><c>fixtures record</c> end to end: a local "real provider" double, the real Meta client through the recorder, then <c>fixtures verify</c> on what was saved.</summary>
public sealed class FixturesRecordTests : IDisposable
{
    private const string Token = "EAAGm0PX4ZCpsBA-real-looking-token";
    private readonly string outDir = Path.Combine(Path.GetTempPath(), $"recorded-{Guid.NewGuid():N}");
    private readonly WireMockServer provider = WireMockServer.Start();

    [Fact]
    public async Task Record_RealClientThroughProxy_SavesSanitizedFixturesThatReplay()
    {
        provider.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost().WithBody(b => b?.Contains("+15550001111", StringComparison.Ordinal) != true && b?.Contains("\"to\":\"5563984622450\"", StringComparison.Ordinal) == true))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"5563984622450\",\"wa_id\":\"556384622450\"}],\"messages\":[{\"id\":\"wamid.HBgMNTU2Mzg0NjIyNDUwFQIAERgSQUFCQ0RFRjAxMjM0NTY3ODkA\"}]}"));
        provider.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost().WithBody(b => b?.Contains("\"to\":\"16505551234\"", StringComparison.Ordinal) == true))
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"},\"fbtrace_id\":\"Az8or2yhqkZfEZ\"}}"));
        var port = Ports.Free();
        var enter = new GatedReader();
        var output = new StringWriter();
        var error = new StringWriter();

        var recording = GatewayCli.RunAsync(["fixtures", "record", "--provider", "meta", "--target", provider.Url!, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", outDir], enter, output, error, TestContext.Current.CancellationToken);
        for (var i = 0; i < 100 && !output.ToString().Contains("recording", StringComparison.Ordinal); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        output.ToString().ShouldContain($":{port} ", Case.Sensitive, error.ToString());

        await SendThrough(new Uri($"http://127.0.0.1:{port}"), "+5563984622450");
        await SendThrough(new Uri($"http://127.0.0.1:{port}"), "+16505551234");
        enter.Press();
        (await recording).ShouldBe(0, error.ToString());

        var files = Directory.GetFiles(outDir, "*.json", SearchOption.AllDirectories);
        files.Length.ShouldBe(2);
        foreach (var text in files.Select(File.ReadAllText))
        {
            text.ShouldNotContain(Token);
            text.ShouldNotContain("556384622450");
            text.ShouldNotContain("HBgMNTU2Mzg0NjIyNDUw");
            text.ShouldContain("Bearer *");
            text.ShouldContain("JsonPartialMatcher");
        }

        files.Select(File.ReadAllText).ShouldContain(t => t.Contains("META_OUTSIDE_24H_WINDOW", StringComparison.Ordinal) && t.Contains("\"rule\": \"meta.131047\"", StringComparison.Ordinal));
        files.Select(File.ReadAllText).ShouldContain(t => t.Contains("\"outcome\": \"sent\"", StringComparison.Ordinal) && t.Contains("wamid.RECORDED0001", StringComparison.Ordinal));

        var verify = new StringWriter();
        (await GatewayCli.RunAsync(["fixtures", "verify", "--root", outDir, "--skip-coverage"], TextReader.Null, verify, TextWriter.Null, TestContext.Current.CancellationToken)).ShouldBe(0, verify.ToString());
        verify.ToString().ShouldContain("2 fixtures passed, 0 failed");
    }

    [Fact]
    public async Task Record_UnreachableTarget_IsOneLineReasonAndNothingWritten()
    {
        var error = new StringWriter();
        var exit = await GatewayCli.RunAsync(["fixtures", "record", "--provider", "baileys", "--target", $"http://127.0.0.1:{Ports.Free()}", "--out", outDir], TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(1);
        error.ToString().TrimEnd().Split('\n').Length.ShouldBe(1);
        error.ToString().ShouldContain("unreachable");
        (Directory.Exists(outDir) ? Directory.GetFiles(outDir, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "abc")]
    [InlineData("--provider", "twilio")]
    [InlineData("--target", "not a url")]
    public async Task Record_BadArgument_IsUsageAndExit2(string option, string value)
    {
        var args = new List<string> { "fixtures", "record", "--provider", "meta", "--target", provider.Url!, "--out", outDir };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        var error = new StringWriter();
        (await GatewayCli.RunAsync([.. args], TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken)).ShouldBe(2);
        error.ToString().ShouldContain(option);
    }

    [Fact]
    public async Task Record_UnwritableFolder_IsOneLineReason()
    {
        var error = new StringWriter();
        var exit = await GatewayCli.RunAsync(["fixtures", "record", "--provider", "meta", "--target", provider.Url!, "--out", "/proc/pilot-gateway-recording"], TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(1);
        error.ToString().ShouldContain("cannot write");
        error.ToString().TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    private static async Task SendThrough(Uri recorder, string to)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetaProvider(o => o.BaseUrl = recorder);
        await using var built = services.BuildServiceProvider();
        var meta = built.GetServices<IMessageProvider>().Single(p => p.Name == "meta");
        await meta.SendAsync(
            new ProviderSendRequest(
                new OutboundMessage("msg-1", to, "hello", null),
                new ProviderConnection("c1", "+15550001111", new Dictionary<string, string>
                {
                    [MetaConnectionSettings.PhoneNumberId] = "106540352242922",
                    [MetaConnectionSettings.SystemToken] = Token,
                })),
            TestContext.Current.CancellationToken);
    }


    public void Dispose()
    {
        provider.Stop();
        provider.Dispose();
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }
}
