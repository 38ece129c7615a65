using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Cli;

/// <summary><c>serve [--urls URL]</c>: the HTTP service. Bad settings stop it at start with a clear message and exit 2.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Contains("--sandbox"))
        {
            // The sandbox (provider doubles, demo connections, scenarios) is the rest of the service issue.
            await error.WriteLineAsync("serve --sandbox: not built yet; run `serve` with Gateway__AdminToken set, or `fixtures verify`.").ConfigureAwait(false);
            return 2;
        }

        var app = GatewayApp.Build(args);
        try
        {
            await app.RunAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"serve: invalid settings: {string.Join(" ", ex.Failures)}").ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
