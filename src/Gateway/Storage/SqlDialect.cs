using System.Data.Common;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// What differs between the storage engines; everything else in <see cref="SqlGatewayStore"/> is one SQL text for
/// both (named parameters are written <c>@name</c>, which SQLite and PostgreSQL both read). Times are unix
/// milliseconds in 64-bit integer columns, enum values their wire names.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The engine's name in configuration and messages (<c>sqlite</c>, <c>postgresql</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The schema as ordered migration steps; step <c>n</c> (1-based) is schema version <c>n</c>.</summary>
    public abstract IReadOnlyList<string> Steps { get; }

    /// <summary>
    /// Leases up to <c>@limit</c> due queued messages to <c>@owner</c> until <c>@lease_until</c> and returns them
    /// (the <see cref="SqlRows.MessageColumns"/>). Rows another replica is leasing at the same moment are skipped,
    /// never waited for; an expired lease counts as none.
    /// </summary>
    public abstract string LeaseDueSql { get; }

    /// <summary>A new, open connection, set up for this engine.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that holds <paramref name="lockName"/> until it ends, so callers doing a read-then-write
    /// under the same name run one after another (across processes and replicas too).
    /// </summary>
    public abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, string lockName, CancellationToken cancellationToken);
}
