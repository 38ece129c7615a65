using System.Text.RegularExpressions;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Fixtures;

namespace PilotStatus.Gateway.Contract.Tests;

/// <summary>The issue's coverage bar for the recorded fixtures.</summary>
public sealed class CoverageTests(FixtureServer server)
{
    private IEnumerable<FixtureFile> Meta => server.Replayer.Files.Where(f => f.Provider == "meta");

    [Fact]
    public void Meta_HasAtLeast45Fixtures() => Meta.Count().ShouldBeGreaterThanOrEqualTo(45);

    [Fact]
    public void Meta_CoversAtLeast30DistinctMetaErrorCodes()
    {
        var codes = Meta.Select(f => f.Expect?.ProviderCode).Where(c => c is not null).Distinct().ToList();
        codes.Count.ShouldBeGreaterThanOrEqualTo(30, string.Join(",", codes));
    }

    [Theory]
    [InlineData(ErrorCode.MetaWabaNotAccessible)]
    [InlineData(ErrorCode.MetaTokenInvalid)]
    [InlineData(ErrorCode.MetaRateLimited)]
    [InlineData(ErrorCode.MetaOutside24hWindow)]
    [InlineData(ErrorCode.MetaNoConversation)]
    [InlineData(ErrorCode.MetaTemplateNotApproved)]
    [InlineData(ErrorCode.MetaSendFailed)]
    [InlineData(ErrorCode.WhatsappNotExist)]
    [InlineData(ErrorCode.InvalidDestination)]
    [InlineData(ErrorCode.FreeFormNotSupported)]
    [InlineData(ErrorCode.DeliveryTimeout)]
    public void Meta_EveryMetaSideCodeHasAFixture(ErrorCode code) =>
        Meta.Count(f => f.Expect?.Code == code).ShouldBeGreaterThan(0);

    [Fact]
    public void Meta_WebhookAndSyncPathsAreBothCovered()
    {
        Meta.Count(f => f.Operation == "webhook" && f.Expect?.Code is not null).ShouldBeGreaterThan(5);
        Meta.Count(f => f.Operation.StartsWith("graph-", StringComparison.Ordinal) && f.Expect?.Code == ErrorCode.MetaWabaNotAccessible).ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Baileys_HasAtLeast35Fixtures_WithWebhooks() =>
        server.Replayer.Files.Where(f => f.Provider == "baileys").ShouldSatisfyAllConditions(
            b => b.Count().ShouldBeGreaterThanOrEqualTo(35),
            b => b.Count(f => f.Operation == "webhook").ShouldBeGreaterThanOrEqualTo(10));

    [Theory]
    [InlineData(ErrorCode.WhatsappNotExist)]
    [InlineData(ErrorCode.DeliveryTimeout)]
    [InlineData(ErrorCode.NumberNotFoundRemoved)]
    [InlineData(ErrorCode.SendFailed)]
    public void Baileys_EveryBaileysSideCodeHasAFixture(ErrorCode code) =>
        server.Replayer.Files.Count(f => f.Provider == "baileys" && f.Expect?.Code == code).ShouldBeGreaterThan(0);

    [Fact]
    public void Fixtures_HoldNoSecrets()
    {
        var secretMember = new Regex("\"(apikey|token|hash|systemToken|access_token)\"\\s*:\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase);
        foreach (var file in server.Replayer.Files)
        {
            var text = File.ReadAllText(file.FullPath);
            foreach (Match m in secretMember.Matches(text))
                m.Groups[2].Value.ShouldBeOneOf(["***", ""], $"{file.Name}: {m.Groups[1].Value}");
            Regex.IsMatch(text, @"Bearer [^*\s""]").ShouldBeFalse($"{file.Name} holds a bearer token");
            Regex.IsMatch(text, @"access_token=[^&*""]").ShouldBeFalse($"{file.Name} holds an access token");
        }
    }
}
