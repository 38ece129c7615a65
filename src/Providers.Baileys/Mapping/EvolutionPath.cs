namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>The Evolution paths an answer comes from; a 2xx means "sent" on one and "state" on the other.</summary>
internal enum EvolutionPath
{
    /// <summary>The answer to <c>POST /message/sendText/{instance}</c>.</summary>
    Send,

    /// <summary>The answer to an instance or chat call (number check, state, fetch, create, restart, logout, delete, status poll).</summary>
    Instance,
}
