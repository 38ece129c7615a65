using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Hosting;

/// <summary>Creates or migrates the schema when the host starts, before it takes requests.</summary>
internal sealed class StoreMigrator(IGatewayStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
