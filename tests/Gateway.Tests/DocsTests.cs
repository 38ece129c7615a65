using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Docs;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Tests;

[Collection(RepositoryDocs.Name)]
public sealed class DocsTests
{
    internal static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PilotStatus.Gateway.sln"))) return Path.Combine(dir.FullName, relative);
        throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void ErrorCodeReference_IsFresh()
    {
        using var services = ProviderRegistration.BuildOffline();
        var rendered = ErrorCodeReference.Render(services.Classifiers());
        File.ReadAllText(RepositoryFile("docs/error-codes.md")).ShouldBe(rendered, $"docs/error-codes.md is stale: run {ErrorCodeReference.Command}");
    }

    [Fact]
    public void ErrorCodeReference_HasASectionPerCode_AndEveryRule()
    {
        using var services = ProviderRegistration.BuildOffline();
        var classifiers = services.Classifiers();
        var text = ErrorCodeReference.Render(classifiers);
        foreach (var info in ErrorCatalog.All) text.ShouldContain($"## {info.Name}\n");
        foreach (var rule in classifiers.Values.SelectMany(c => c.Rules)) text.ShouldContain($"`{rule.Id}`");
    }
}
