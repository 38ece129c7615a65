using PilotStatus.Gateway.Classification;
using PilotStatus.Gateway.Fixtures;

namespace PilotStatus.Gateway.Cli;

/// <summary>The verbs of <c>pilot-gateway</c> (DESIGN.md "The executable"). Exit codes: 0 ok, 1 a check failed, 2 bad usage or input.</summary>
internal static class GatewayCli
{
    public const string Usage = """
        usage: pilot-gateway <verb>
          serve [--sandbox] [--urls URL]  the HTTP API (default verb); needs Gateway__AdminToken unless --sandbox
          codes                      the 21 error codes, CODE<TAB>meaning, in SPEC order
          classify [--explain] [FILE...]  classify captured provider exchanges (JSON Lines on stdin when no FILE)
          fixtures verify [--root D] [--skip-coverage]  replay every fixture through the real clients and mappers
          fixtures record --provider meta|baileys --target URL [--port N] [--out DIR]  record real traffic into fixtures
          docs error-codes [--out F] regenerate docs/error-codes.md from the code metadata and rule tables
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // serve is the default verb; a first argument that is an option (--urls …) belongs to it.
        var verb = args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) ? "serve" : args[0];
        var rest = verb == "serve" && args is not ["serve", ..] ? args : args[1..];
        switch (verb)
        {
            case "codes":
                return CodesCommand.Run(output);
            case "classify":
                return await ClassifyCommand.RunAsync(args[1..], input, output, error).ConfigureAwait(false);
            case "fixtures" when args.Length > 1 && args[1] == "record":
                return await FixturesRecordCommand.RunAsync(args[2..], input, output, error, cancellationToken).ConfigureAwait(false);
            case "fixtures" when args.Length > 1 && args[1] == "verify":
                return await FixturesVerifyCommand.RunAsync(args[2..], output, error).ConfigureAwait(false);
            case "serve":
                return await ServeCommand.RunAsync(rest, output, error, cancellationToken).ConfigureAwait(false);
            case "docs":
                return await DocsCommand.RunAsync(args[1..], output, error).ConfigureAwait(false);
            case "help" or "--help" or "-h":
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            default:
                await error.WriteLineAsync($"unknown verb '{string.Join(' ', args)}'.\n{Usage}").ConfigureAwait(false);
                return 2;
        }
    }
}
