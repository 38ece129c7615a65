using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Webhooks;

/// <summary>
/// Applies a provider's status events to stored messages, forward only, with conditional writes. An event for a
/// message the gateway cannot find yet (a webhook that beat the send's answer) is kept, and applied once the message
/// learns its provider id (<see cref="ReconcileAsync"/>).
/// </summary>
internal sealed partial class StatusUpdates(IGatewayStore store, ILogger<StatusUpdates> log)
{
    /// <summary>Applies <paramref name="update"/> to the message it names (provider id, else the callback data), or keeps it.</summary>
    public async Task ApplyAsync(string provider, ProviderOutcome update, DateTimeOffset now, CancellationToken ct)
    {
        var message = (update.ProviderMessageId is { } pid ? await store.FindByProviderMessageIdAsync(provider, pid, ct) : null)
            ?? (update.CallbackData is { } id ? await store.GetMessageAsync(id, ct) : null);
        if (message is null)
        {
            LogKept(log, provider, update.RuleId);
            await store.AddUnmatchedEventAsync(provider, update, now, ct);
            return;
        }

        await ApplyToAsync(message, update, now, ct);
    }

    /// <summary>Applies the kept events that name <paramref name="message"/>, in the order they came, and marks them reconciled.</summary>
    public async Task ReconcileAsync(MessageRecord message, DateTimeOffset now, CancellationToken ct)
    {
        if (message.Provider is not { } provider) return;
        foreach (var kept in await store.UnmatchedEventsForAsync(provider, message.ProviderMessageId, message.Id, ct))
        {
            message = await ApplyToAsync(message, kept.Update, now, ct);
            await store.MarkReconciledAsync(kept.Id, message.Id, ct);
        }
    }

    // Reads the message again when the guarded write loses a race, so the next event applies to what is stored.
    private async Task<MessageRecord> ApplyToAsync(MessageRecord message, ProviderOutcome update, DateTimeOffset now, CancellationToken ct)
    {
        if (WebhookApplier.Apply(message, update, now) is not { } updated) return message;
        return await store.TryUpdateMessageAsync(updated, message.Status, ct) ? updated : await store.GetMessageAsync(message.Id, ct) ?? message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} webhook event for no known message ({Rule}): kept for reconciliation")]
    private static partial void LogKept(ILogger logger, string provider, string rule);
}
