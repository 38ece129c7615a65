using PilotStatus.Gateway.Cli;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>A storage setting that cannot work stops <c>serve</c> at start with one line naming it, exit code 2.</summary>
public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("--Gateway:Database=postgresql", "Gateway:PostgresConnectionString")]
    [InlineData("--Gateway:Database=mysql", "Gateway:Database is 'mysql'")]
    public async Task Serve_UnusableStorageSetting_StopsWithAClearMessage(string setting, string expected)
    {
        var error = new StringWriter();
        var exit = await GatewayCli.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{Ports.Free()}", "--Gateway:AdminToken=storage-options-test-token", setting],
            TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken);

        exit.ShouldBe(2);
        error.ToString().ShouldContain(expected);
    }
}
