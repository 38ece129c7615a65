using PilotStatus.Gateway.Abstractions.Errors;

namespace PilotStatus.Gateway.Cli;

/// <summary><c>codes</c>: the closed set, one <c>CODE&lt;TAB&gt;meaning</c> line each, in SPEC order.</summary>
internal static class CodesCommand
{
    public static int Run(TextWriter output)
    {
        foreach (var info in ErrorCatalog.All)
            output.WriteLine($"{info.Name}\t{info.Meaning}");
        return 0;
    }
}
