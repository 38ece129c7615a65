using PilotStatus.Gateway.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C lets a running verb finish its work (fixtures record saves what it has); a second one kills.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await GatewayCli.RunAsync(args, Console.In, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);

/// <summary>The entry point; public so the end-to-end tests can host the real app (WebApplicationFactory).</summary>
public partial class Program;
