using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Logs;

/// <summary>A page of <c>GET /api/logs</c>: filters, page size, and the position after which the page starts (newest first).</summary>
internal sealed record LogQuery(
    string? ApiKeyId,
    MessageStatus? Status,
    ErrorCode? ErrorCode,
    string? ConnectionId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Limit,
    (DateTimeOffset CreatedAt, string Id)? After);
