namespace PilotStatus.Gateway.Connections;

/// <summary>An API key: stored only as its SHA-256 hash, linked to one connection (which may since have been deleted).</summary>
internal sealed record ApiKeyRecord(string Id, string KeyHash, string ConnectionId, DateTimeOffset CreatedAt);
