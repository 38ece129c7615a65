namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>Baileys close codes, as Evolution reports them (<c>statusReason</c>, <c>disconnectionReasonCode</c>).</summary>
internal static class BaileysDisconnect
{
    /// <summary>
    /// True for the codes after which Evolution stops reconnecting and deletes the session: loggedOut 401, 402,
    /// forbidden 403, 406 (whatsapp.baileys.service.ts:402 codesToNotReconnect). Every other close reconnects by itself.
    /// </summary>
    public static bool StopsReconnect(int? code) => code is 401 or 402 or 403 or 406;
}
