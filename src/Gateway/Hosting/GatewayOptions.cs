using System.ComponentModel.DataAnnotations;

namespace PilotStatus.Gateway.Hosting;

/// <summary>The service's own settings (section <c>Gateway</c>); providers have theirs under <c>Providers:*</c>.</summary>
internal sealed class GatewayOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Gateway";

    /// <summary>The admin bearer token for <c>/v1/connections</c> and <c>/v1/api-keys</c>; at least 16 characters (the sandbox sets its own).</summary>
    public string? AdminToken { get; set; }

    /// <summary>Sandbox mode (<c>serve --sandbox</c>): fixed demo credentials, loopback only.</summary>
    public bool Sandbox { get; set; }

    /// <summary>The storage engine: <c>sqlite</c> (the embedded default, one process) or <c>postgresql</c> (any number of replicas).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>The Npgsql connection string when <see cref="Database"/> is <c>postgresql</c> (<c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The SQLite database file (the embedded default storage).</summary>
    [Required]
    public string DatabasePath { get; set; } = "gateway.db";

    /// <summary>The platform's own WhatsApp number (E.164): sends to it from <see cref="PlatformConnectionId"/> are blocked.</summary>
    public string? PlatformNumber { get; set; }

    /// <summary>The platform's own connection.</summary>
    public string? PlatformConnectionId { get; set; }

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The deadline of a message sent without <c>deliverUntil</c>: <c>createdAt</c> + this (SPEC: 7 days).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan DefaultDeliverUntil { get; set; } = TimeSpan.FromDays(7);

    /// <summary>WhatsApp's multi-device cap: connections one number may have.</summary>
    [Range(1, 16)]
    public int MaxConnectionsPerNumber { get; set; } = 4;
}
