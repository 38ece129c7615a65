using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Storage;

/// <summary>A webhook event kept because it matched no message when it came, as stored (the raw body is not kept).</summary>
/// <param name="Id">The event's row id, for marking it reconciled.</param>
/// <param name="Update">The event, rebuilt from its stored fields.</param>
internal sealed record KeptWebhookEvent(long Id, ProviderOutcome Update);
