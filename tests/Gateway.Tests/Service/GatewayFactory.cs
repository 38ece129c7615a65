using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>The real app on a test server, with its own SQLite file; a second factory on the same file is a restart.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789";

    public GatewayFactory(string? databasePath = null, IDictionary<string, string?>? settings = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.db");
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public string DatabasePath { get; }

    private IDictionary<string, string?> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:AdminToken"] = AdminToken,
            ["Gateway:DatabasePath"] = DatabasePath,
        }.Concat(Settings)));

    /// <summary>Removes the database and its keys; call once the last factory on it is disposed.</summary>
    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        if (Directory.Exists(path + ".keys")) Directory.Delete(path + ".keys", recursive: true);
    }
}
