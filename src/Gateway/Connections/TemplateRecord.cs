namespace PilotStatus.Gateway.Connections;

/// <summary>One version of a template in the registry: synced from Meta, or registered through the API for Baileys.</summary>
internal sealed record TemplateRecord(
    string ConnectionId,
    string Name,
    string Language,
    string Version,
    string Status,
    string? BodyText,
    DateTimeOffset UpdatedAt);
