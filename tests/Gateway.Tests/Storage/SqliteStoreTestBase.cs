using Microsoft.Data.Sqlite;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Tests.Storage;

/// <summary>A fresh database file per test, deleted (with its -wal and -shm) afterwards.</summary>
public abstract class SqliteStoreTestBase : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
    private readonly string path = Path.Combine(Path.GetTempPath(), $"gateway-store-{Guid.NewGuid():N}.db");

    protected SqliteStoreTestBase() =>
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    protected string ConnectionString { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm) open until the pool lets them go.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        GC.SuppressFinalize(this);
    }

    internal async Task<SqliteGatewayStore> NewStoreAsync()
    {
        var store = new SqliteGatewayStore(ConnectionString, TimeProvider.System);
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
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
