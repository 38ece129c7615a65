using System.Diagnostics;
using Npgsql;

namespace PilotStatus.Gateway.Tests.Storage;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests use: the one named by <c>PILOT_GATEWAY_TEST_POSTGRES</c> (an Npgsql
/// connection string with the right to create databases; <c>.ci/run</c> starts one and sets it), else a throwaway
/// cluster started here from Debian's <c>postgresql</c> package on a free loopback port and stopped at exit. Each test
/// gets its own database.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "PILOT_GATEWAY_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(() => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given : StartThrowawayCluster());

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = $"gw_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Admin.Value))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(Admin.Value) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(Admin.Value);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string StartThrowawayCluster()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to an Npgsql connection string, or install Debian's postgresql package (apt-get install -y postgresql); .ci/run does both.");
        }

        var data = Path.Combine(Path.GetTempPath(), $"gw-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var port = Ports.Free();
        // initdb and postgres refuse to run as root: as root, the cluster belongs to the package's postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "postgres:postgres", data);
        Run(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-w", "-l", Path.Combine(data, "server.log"), "-o",
            $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop");
            Directory.Delete(data, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
    }

    private static void Run(bool asRoot, string program, params string[] arguments) =>
        Run(asRoot ? "runuser" : program, asRoot ? ["-u", "postgres", "--", program, .. arguments] : arguments);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}{output.Result}");
    }
}
