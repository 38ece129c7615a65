using PilotStatus.Gateway.Docs;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Cli;

/// <summary><c>docs error-codes [--out FILE]</c>: writes the generated code reference (default <c>docs/error-codes.md</c> of the repository).</summary>
internal static class DocsCommand
{
    public const string DefaultPath = "docs/error-codes.md";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] != "error-codes")
        {
            await error.WriteLineAsync("usage: pilot-gateway docs error-codes [--out FILE]").ConfigureAwait(false);
            return 2;
        }

        var path = args.Length >= 3 && args[1] == "--out" ? args[2] : RepositoryPath(DefaultPath);
        if (path is null)
        {
            await error.WriteLineAsync($"docs: no repository found above {Directory.GetCurrentDirectory()}; pass --out FILE").ConfigureAwait(false);
            return 2;
        }

        using var services = ProviderRegistration.BuildOffline();
        try
        {
            await File.WriteAllTextAsync(path, ErrorCodeReference.Render(services.Classifiers())).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"docs: cannot write {path}: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        await output.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>A path relative to the repository root (the folder holding the solution), or null outside one.</summary>
    public static string? RepositoryPath(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PilotStatus.Gateway.sln"))) return Path.Combine(dir.FullName, relative);
        return null;
    }
}
