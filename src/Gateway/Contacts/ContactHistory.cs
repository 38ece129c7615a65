using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Contacts;

/// <summary>
/// Per (connection, contact): the id the provider uses for a number we sent to, and when the contact last wrote.
/// That decides Meta's 131047 between META_NO_CONVERSATION (never wrote) and META_OUTSIDE_24H_WINDOW (wrote before).
/// "Never wrote" is claimed only on a connection whose inbound messages reach the gateway at all (one was recorded):
/// without its webhooks the gateway cannot know, and says <see cref="InboundHistory.Unknown"/>.
/// </summary>
internal sealed class ContactHistory(IGatewayStore store, TimeProvider time)
{
    /// <summary>What is known of inbound messages from the recipient of <paramref name="message"/> on its connection.</summary>
    public async Task<InboundHistory> ForMessageAsync(string connectionId, MessageRecord message, CancellationToken ct)
    {
        var ids = ContactIds.Candidates(message.To).ToList();
        if (message.ContactId is { } known && !ids.Contains(known)) ids.Add(known);
        return await store.LastInboundAsync(connectionId, ids, message.To, ct) is not null ? InboundHistory.Known : await NeverWroteAsync(connectionId, ct);
    }

    /// <summary>
    /// What is known of inbound messages from the contact a provider calls <paramref name="providerId"/>, on any of
    /// <paramref name="connectionIds"/> (the connections on one business number): known if it wrote to any of them.
    /// </summary>
    public async Task<InboundHistory> ForContactAsync(IReadOnlyList<string> connectionIds, string? providerId, CancellationToken ct)
    {
        if (ContactIds.Normalize(providerId) is not { } id) return InboundHistory.Unknown;
        var history = InboundHistory.Unknown;
        foreach (var connectionId in connectionIds)
        {
            if (await store.LastInboundAsync(connectionId, [id], null, ct) is not null) return InboundHistory.Known;
            if (await NeverWroteAsync(connectionId, ct) == InboundHistory.None) history = InboundHistory.None;
        }

        return history;
    }

    private async Task<InboundHistory> NeverWroteAsync(string connectionId, CancellationToken ct) =>
        await store.HasInboundAsync(connectionId, ct) ? InboundHistory.None : InboundHistory.Unknown;

    /// <summary>Remembers that <paramref name="number"/> goes by <paramref name="providerId"/> on the connection (a send's answer).</summary>
    public async Task RecordRecipientAsync(string connectionId, string number, string? providerId, CancellationToken ct)
    {
        if (ContactIds.Normalize(providerId) is { } id) await store.RecordContactAsync(connectionId, id, number, null, time.GetUtcNow(), ct);
    }

    /// <summary>Records an inbound message from <paramref name="providerIds"/> (every id the provider gave the sender).</summary>
    public async Task RecordInboundAsync(string connectionId, IEnumerable<string?> providerIds, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var id in providerIds.Select(ContactIds.Normalize).OfType<string>().Distinct())
            await store.RecordContactAsync(connectionId, id, null, at, time.GetUtcNow(), ct);
    }
}
