using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Meta.Sync;

/// <summary>
/// "Sync with Meta": the management reads of one connection. Never throws for Meta's answer: a failed read is an
/// outcome (100/33 and "nonexisting field" → META_WABA_NOT_ACCESSIBLE, 190 → META_TOKEN_INVALID).
/// </summary>
public interface IMetaGraphClient
{
    /// <summary>Reads the WABA (<c>GET /{version}/{waba-id}</c>).</summary>
    Task<MetaGraphRead<string>> ReadWabaAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Reads every template of the WABA, following <c>paging.next</c>.</summary>
    Task<MetaGraphRead<IReadOnlyList<MetaTemplateInfo>>> ReadTemplatesAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Reads the WABA's phone numbers (<c>GET /{version}/{waba-id}/phone_numbers</c>).</summary>
    Task<MetaGraphRead<string>> ReadPhoneNumbersAsync(ProviderConnection connection, CancellationToken cancellationToken);

    /// <summary>Sync with Meta: the WABA probe, then all templates; stops at the first failed read.</summary>
    Task<MetaGraphRead<IReadOnlyList<MetaTemplateInfo>>> SyncAsync(ProviderConnection connection, CancellationToken cancellationToken);
}
