using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Fixtures;
using PilotStatus.Gateway.Hosting;
using PilotStatus.Gateway.Sandbox;

namespace PilotStatus.Gateway.Cli;

/// <summary>
/// <c>serve [--sandbox] [--urls URL]</c>: the HTTP service. <c>--sandbox</c> adds in-process provider doubles loaded
/// from <c>fixtures/</c>, demo connections and fixed credentials, binds loopback only, and prints a ready <c>curl</c>.
/// Bad settings stop it at start with a clear message and exit 2.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SandboxDoubles? sandbox = null;
        if (args.Contains("--sandbox"))
        {
            args = [.. args.Where(a => a != "--sandbox")];
            if (NonLoopback(args) is { } url)
            {
                await error.WriteLineAsync($"serve --sandbox: binds loopback only, not {url}").ConfigureAwait(false);
                return 2;
            }

            if (FixtureCatalog.FindRoot() is not { } fixtures)
            {
                await error.WriteLineAsync("serve --sandbox: no fixtures/ folder found; run it from the repository").ConfigureAwait(false);
                return 2;
            }

            // The doubles call the gateway's webhooks back, so they must know its address before it starts.
            if (!Uri.TryCreate(Urls(args).FirstOrDefault() ?? GatewayApp.DefaultUrl, UriKind.Absolute, out var gateway) || gateway.Port == 0)
            {
                await error.WriteLineAsync("serve --sandbox: needs a fixed port in --urls: the provider doubles call the gateway's webhooks back").ConfigureAwait(false);
                return 2;
            }

            sandbox = new SandboxDoubles(fixtures, gateway);
            args = [.. args, .. SandboxSettings.Args(sandbox)];
        }

        using (sandbox)
        {
            var app = GatewayApp.Build(args, sandbox);
            if (sandbox is not null)
                app.Lifetime.ApplicationStarted.Register(() => output.WriteLine(Banner(app, sandbox)));
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
            catch (IOException ex)
            {
                await error.WriteLineAsync($"serve: cannot listen: {ex.Message}").ConfigureAwait(false);
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

    // The addresses --urls gives, in order; none when it is not given.
    private static string[] Urls(string[] args)
    {
        var index = Array.FindIndex(args, a => a == "--urls" || a.StartsWith("--urls=", StringComparison.Ordinal));
        if (index < 0) return [];
        var value = args[index].Contains('=') ? args[index][(args[index].IndexOf('=') + 1)..] : index + 1 < args.Length ? args[index + 1] : "";
        return value.Split(';', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? NonLoopback(string[] args)
    {
        foreach (var url in Urls(args))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)) return url;
            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback) return url;
        }

        return null;
    }

    private static string Banner(WebApplication app, SandboxDoubles sandbox)
    {
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? GatewayApp.DefaultUrl;
        var first = SandboxScenarios.All[0];
        return $"""
            PilotStatus.Gateway sandbox listening on {url} (provider doubles from fixtures/ at {sandbox.Url})
            admin token: {SandboxScenarios.AdminToken}   API keys: {SandboxScenarios.MetaKey}, {SandboxScenarios.BaileysKey}, {SandboxScenarios.MetaTemplateOnlyKey}, {SandboxScenarios.BaileysOfflineKey}
            send a message:
              curl -s -X POST {url}/v1/messages -H 'Authorization: Bearer {first.ApiKey}' -H 'Content-Type: application/json' -d '{"{"}"to":"{first.To}","text":"Hello"{"}"}'
            then see it go QUEUED -> SENT -> DELIVERED (the Meta double calls the webhook back):
              curl -s {url}/v1/messages/<id> -H 'Authorization: Bearer {first.ApiKey}'
            every scenario (send its message, it ends in "expect"):
              curl -s {url}/sandbox/scenarios
            Sync with Meta (templates into the registry), and a number whose WABA sync fails with 100/33:
              curl -s -X POST {url}/v1/connections/{SandboxScenarios.MetaConnectionId}/sync -H 'Authorization: Bearer {SandboxScenarios.AdminToken}'
              curl -s -X POST {url}/v1/connections/{SandboxScenarios.MetaBrokenWabaConnectionId}/sync -H 'Authorization: Bearer {SandboxScenarios.AdminToken}'
            """;
    }
}
