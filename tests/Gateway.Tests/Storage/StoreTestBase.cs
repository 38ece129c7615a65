using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PilotStatus.Gateway.Storage;
using PilotStatus.Gateway.Storage.Postgres;
using PilotStatus.Gateway.Storage.Sqlite;

namespace PilotStatus.Gateway.Tests.Storage;

/// <summary>The storage engines the one storage test suite runs against.</summary>
public enum StoreEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database per test on the engine the concrete class names (a SQLite file, or a PostgreSQL database
/// on <see cref="PostgresServer"/>), dropped afterwards. Every storage test is written once, against the interface.
/// </summary>
public abstract class StoreTestBase(StoreEngine engine) : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"gateway-store-{Guid.NewGuid():N}.db");
    private string? postgres;
    private NpgsqlDataSource? dataSource;
    private SqlDialect? dialect;

    protected StoreEngine Engine { get; } = engine;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (Engine == StoreEngine.Sqlite)
        {
            dialect = new SqliteDialect(new SqliteConnectionStringBuilder { DataSource = sqlitePath }.ToString());
            return;
        }

        postgres = await PostgresServer.CreateDatabaseAsync(Ct);
        dataSource = NpgsqlDataSource.Create(postgres);
        dialect = new PostgresDialect(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (dataSource is not null) await dataSource.DisposeAsync();
        if (postgres is not null) await PostgresServer.DropDatabaseAsync(postgres);

        // Pooled SQLite connections keep the file (and its -wal/-shm) open until the pool lets them go.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlitePath + suffix);
        GC.SuppressFinalize(this);
    }

    /// <summary>The engine's migration steps.</summary>
    internal IReadOnlyList<string> Steps => dialect!.Steps;

    internal Task<SqlGatewayStore> NewStoreAsync() => NewStoreAsync(TimeProvider.System);

    /// <summary>A second store over the same database (another process, as far as the database can tell), not migrated.</summary>
    internal SqlGatewayStore OpenStore() => new(dialect!, TimeProvider.System);

    /// <summary>Closes every pooled connection, as a restart would.</summary>
    protected static void ClosePools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    internal async Task<SqlGatewayStore> NewStoreAsync(TimeProvider time)
    {
        var store = new SqlGatewayStore(dialect!, time);
        await store.MigrateAsync(Ct);
        return store;
    }

    // Each call on its own thread, all released at once: Microsoft.Data.Sqlite's async calls complete synchronously,
    // so calls on a small thread pool would mostly run one after another and hide a race.
    protected static async Task<T[]> RunTogetherAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, count)
            .Select(i => Task.Factory.StartNew(
                () =>
                {
                    start.Wait(Ct);
                    return call(i);
                },
                Ct,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();
        start.Set();
        return await Task.WhenAll(calls);
    }

    protected async Task<object?> ScalarAsync(string sql)
    {
        await using DbConnection connection = await dialect!.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
