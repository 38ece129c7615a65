using PilotStatus.Gateway.Fixtures.Recording;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Cli;

/// <summary>
/// <c>fixtures record --provider meta|baileys --target URL [--port N] [--out DIR]</c>: a recording proxy in front of
/// a real provider. Point a connection's base URL at the printed address, exercise it, then press Enter (or close
/// stdin, or Ctrl+C) to save one sanitized fixture per exchange. Bad arguments: exit 2; a target or port that does
/// not work: exit 1; both with a one-line reason.
/// </summary>
internal static class FixturesRecordCommand
{
    public const string Usage = "usage: pilot-gateway fixtures record --provider meta|baileys --target URL [--port N] [--out DIR]";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (Parse(args, out var provider, out var target, out var port, out var outDir) is { } usage)
        {
            await error.WriteLineAsync($"fixtures record: {usage}").ConfigureAwait(false);
            return 2;
        }

        using var services = ProviderRegistration.BuildOffline();
        var classifier = services.Classifiers()[provider!];
        var (recorder, problem) = await FixtureRecorder.StartAsync(provider!, target!, port, outDir!, classifier, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (recorder is null)
        {
            await error.WriteLineAsync($"fixtures record: {problem}").ConfigureAwait(false);
            return 1;
        }

        using (recorder)
        {
            await output.WriteLineAsync($"recording {provider} at {recorder.Url} → {target}; point the connection's base URL here, then press Enter to save into {outDir}").ConfigureAwait(false);
            try
            {
                await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: save what was recorded, as Enter would.
            }

            var (files, failure) = await recorder.SaveAsync(CancellationToken.None).ConfigureAwait(false);
            if (failure is not null)
            {
                await error.WriteLineAsync($"fixtures record: {failure}").ConfigureAwait(false);
                return 1;
            }

            foreach (var file in files) await output.WriteLineAsync($"saved {file}").ConfigureAwait(false);
            await output.WriteLineAsync($"{files.Count} fixtures saved; review each Data.expect, then run: dotnet run --project src/Gateway -- fixtures verify --root {outDir} --skip-coverage").ConfigureAwait(false);
            return 0;
        }
    }

    private static string? Parse(string[] args, out string? provider, out Uri? target, out int port, out string? outDir)
    {
        provider = null;
        target = null;
        port = 0;
        outDir = "recorded";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--provider" when value is "meta" or "baileys":
                    provider = value;
                    break;
                case "--provider":
                    return $"--provider must be meta or baileys. {Usage}";
                case "--target" when Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https":
                    target = uri;
                    break;
                case "--target":
                    return $"--target must be an absolute http(s) URL. {Usage}";
                case "--port" when int.TryParse(value, out var p) && p is > 0 and <= 65535:
                    port = p;
                    break;
                case "--port":
                    return $"--port must be a number from 1 to 65535. {Usage}";
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    outDir = value;
                    break;
                default:
                    return $"unexpected '{args[i]}'. {Usage}";
            }

            i++;
        }

        return provider is null || target is null ? Usage : null;
    }
}
