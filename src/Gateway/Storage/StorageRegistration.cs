using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;
using PilotStatus.Gateway.Hosting;
using PilotStatus.Gateway.Storage.Postgres;
using PilotStatus.Gateway.Storage.Sqlite;

namespace PilotStatus.Gateway.Storage;

/// <summary>Registers the configured engine (<c>Gateway:Database</c>) and where the Data Protection keys live.</summary>
internal static class StorageRegistration
{
    public static IServiceCollection AddGatewayStorage(this IServiceCollection services)
    {
        // Created on first use, after options validation, so a bad connection string is a start-up message, not a crash here.
        services.AddSingleton(sp => NpgsqlDataSource.Create(Options(sp).PostgresConnectionString!));
        services.AddSingleton<SqlDialect>(sp => Options(sp).Database == "postgresql"
            ? new PostgresDialect(sp.GetRequiredService<NpgsqlDataSource>())
            : new SqliteDialect($"Data Source={SqliteFile(sp)}"));
        services.AddSingleton<IGatewayStore>(sp => new SqlGatewayStore(sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<TimeProvider>()));

        // Connection secrets are encrypted with Data Protection keys that must outlive the process: beside the SQLite
        // file, or in PostgreSQL itself, where every replica must read the keys any replica made.
        services.AddDataProtection().SetApplicationName("PilotStatus.Gateway");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = Options(sp).Database == "postgresql"
                ? new PostgresKeyRepository(sp.GetRequiredService<NpgsqlDataSource>())
                : new FileSystemXmlRepository(new DirectoryInfo(SqliteFile(sp) + ".keys"), sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }

    private static GatewayOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<GatewayOptions>>().Value;

    private static string SqliteFile(IServiceProvider services) => Path.GetFullPath(Options(services).DatabasePath);
}
