namespace PilotStatus.Gateway.Connections;

/// <summary>
/// One connection: a WhatsApp number on one provider. <see cref="Settings"/> holds the provider's non-secret
/// settings; <see cref="ProtectedSecrets"/> the secret ones, encrypted with ASP.NET Core Data Protection, never returned.
/// </summary>
internal sealed record ConnectionRecord
{
    public required string Id { get; init; }
    public required string Provider { get; init; }

    /// <summary>The connection's own WhatsApp number, E.164.</summary>
    public required string Number { get; init; }
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    public required string ProtectedSecrets { get; init; }
    public bool TemplateOnly { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the provider last said about the connection (Evolution connection events); Meta numbers stay open.</summary>
    public ConnectionState State { get; init; } = ConnectionState.Open;

    /// <summary>When <see cref="State"/> last changed; null while it never did.</summary>
    public DateTimeOffset? StateChangedAt { get; init; }
}
