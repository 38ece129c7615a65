using System.Globalization;
using static PilotStatus.Gateway.Storage.SqlRows;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// Applies the dialect's migration steps the database has not seen yet, all in one exclusive transaction, so that
/// gateways starting together on one database migrate it once. <c>schema_version</c> records each applied step.
/// </summary>
internal static class SqlMigrator
{
    /// <exception cref="InvalidOperationException">The database was migrated by a newer gateway.</exception>
    public static async Task MigrateAsync(SqlDialect dialect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginExclusiveAsync(connection, "schema", cancellationToken);

        await Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var steps = dialect.Steps;
        if (current > steps.Count)
        {
            throw new InvalidOperationException(
                $"The {dialect.Name} database is at schema version {current}; this gateway knows versions up to {steps.Count}.");
        }

        for (var version = (int)current + 1; version <= steps.Count; version++)
        {
            await Execute(steps[version - 1]);
            await Execute("INSERT INTO schema_version (version, applied_at) VALUES (@version, @applied_at)", ("@version", version), ("@applied_at", now.ToUnixTimeMilliseconds()));
        }

        await transaction.CommitAsync(cancellationToken);

        async Task Execute(string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Add(name, value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
