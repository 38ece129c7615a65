using System.Text.Json;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Contacts;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Dispatch;

/// <summary>
/// Sends queued messages through their connection's provider and stores each outcome. Each look leases a batch of due
/// messages to this dispatcher (replicas take disjoint batches; a dead replica's lease expires). Each message is then
/// claimed (stored with no next attempt) before its request leaves: if the process dies mid-send it stays an unknown
/// attempt, never sent twice, and a claimed message cannot be canceled. Messages past their deadline are left to the
/// deadline rules; messages of a connection reported down wait, unattempted.
/// </summary>
internal sealed partial class Dispatcher(
    IGatewayStore store,
    IServiceProvider services,
    ConnectionSecrets secrets,
    ContactHistory contacts,
    Webhooks.StatusUpdates updates,
    TimeProvider time,
    IOptions<DispatcherOptions> options,
    ILogger<Dispatcher> log) : BackgroundService
{
    private static readonly TimeSpan ShortestRequeue = TimeSpan.FromSeconds(1);
    private readonly Pacer pacer = new(options.Value);

    /// <summary>This dispatcher's name on its leases: unique per process, so replicas never take each other's.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(log, ex);
            }

            if (sent == 0) await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass over the due messages; returns how many were handed to a provider.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var handed = 0;
        var batch = await store.LeaseDueAsync(Owner, now, options.Value.LeaseDuration, options.Value.BatchSize, ct).ConfigureAwait(false);

        // Past its deadline: never sent late; its lease runs out and the deadline rules end it. The rest go in lanes:
        // one recipient's messages one after another, in order; different recipients side by side.
        var lanes = batch.Where(message => message.DeliverUntil > now).GroupBy(message => (message.ConnectionId, message.To));
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct }, async (lane, token) =>
        {
            foreach (var message in lane)
                if (await DispatchAsync(message, now, token).ConfigureAwait(false)) Interlocked.Increment(ref handed);
        }).ConfigureAwait(false);

        return handed;
    }

    private async Task<bool> DispatchAsync(MessageRecord message, DateTimeOffset now, CancellationToken ct)
    {
        var connection = message.ConnectionId is null ? null : await store.GetConnectionAsync(message.ConnectionId, ct).ConfigureAwait(false);
        var provider = connection is null ? null : services.GetServices<IMessageProvider>().FirstOrDefault(p => p.Name == connection.Provider);
        if (connection is null || provider is null)
        {
            await store.TryUpdateMessageAsync(Fail(message, ErrorCode.LinkedWhatsappInstanceNotFound, "The message's connection no longer exists.", now), MessageStatus.Queued, ct).ConfigureAwait(false);
            return false;
        }

        switch (connection.State)
        {
            case ConnectionState.Removed:
                await store.TryUpdateMessageAsync(Fail(message, ErrorCode.NumberNotFoundRemoved, "The connection's instance was removed at its server.", now), MessageStatus.Queued, ct).ConfigureAwait(false);
                return false;
            case ConnectionState.Down:
                // Not an attempt: the provider said the connection is down, so the message waits for it, QUEUED.
                await store.TryRescheduleAsync(message.Id, Owner, now + options.Value.ConnectionDownRecheck, ct).ConfigureAwait(false);
                return false;
        }

        // A wait for the connection's next per-second slot is slept here (it is milliseconds); a longer one, such as
        // Meta's pair spacing, gives the message back to the queue with its time.
        while (pacer.TryTake(connection.Id, connection.Provider, message.To, time.GetUtcNow()) is { } wait)
        {
            if (wait > ShortestRequeue)
            {
                await store.TryRescheduleAsync(message.Id, Owner, time.GetUtcNow() + wait, ct).ConfigureAwait(false);
                return false;
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }

        var outbound = await OutboundAsync(message, connection, ct).ConfigureAwait(false);
        if (outbound is null)
        {
            await store.TryUpdateMessageAsync(Fail(message, ErrorCode.TemplateVersionNotFound, "The template is no longer registered.", now), MessageStatus.Queued, ct).ConfigureAwait(false);
            return false;
        }

        // Everything that can fail without sending is done before the claim, so such a failure leaves the message queued.
        var history = await contacts.ForMessageAsync(connection.Id, message, ct).ConfigureAwait(false);
        var credentials = secrets.ForProvider(connection);

        // Claimed last, right before the request: from here on no cancel and no other dispatcher can touch it, and until
        // the outcome is stored it is parked, so a crash mid-send leaves an unknown attempt, never a second send.
        // In flight for at most one lease (the provider's send timeout is far shorter): the deadline rules wait that long.
        if (!await store.TryClaimAsync(message.Id, Owner, time.GetUtcNow() + options.Value.LeaseDuration, ct).ConfigureAwait(false)) return false;

        var outcome = await provider.SendAsync(new ProviderSendRequest(outbound, credentials, history), ct).ConfigureAwait(false);
        var answeredAt = time.GetUtcNow();
        var updated = OutcomeApplier.Apply(message, outcome, answeredAt, options.Value) with { ContactId = ContactIds.Normalize(outcome.RecipientId) ?? message.ContactId };

        // The outcome is stored first, the contact and reconciliation after. A webhook may have moved the message on
        // while the request was out (delivered before the answer came): the guarded write keeps that.
        var stored = await store.TryUpdateMessageAsync(updated, MessageStatus.Queued, ct).ConfigureAwait(false);
        await contacts.RecordRecipientAsync(connection.Id, message.To, outcome.RecipientId, ct).ConfigureAwait(false);
        if (stored && updated.ProviderMessageId is not null) await updates.ReconcileAsync(updated, answeredAt, ct).ConfigureAwait(false);
        LogOutcome(log, message.Id, OutcomeNames.NameOf(outcome.Kind), outcome.RuleId);
        return true;
    }

    private async Task<OutboundMessage?> OutboundAsync(MessageRecord message, ConnectionRecord connection, CancellationToken ct)
    {
        if (message.TemplateJson is null) return new OutboundMessage(message.Id, message.To, message.Text, null);
        var asked = JsonSerializer.Deserialize<TemplateRequest>(message.TemplateJson, JsonBody.Options)!;
        var registered = await store.FindTemplateAsync(connection.Id, asked.Name!, asked.Language!, asked.Version, ct).ConfigureAwait(false);
        return registered is null
            ? null
            : new OutboundMessage(message.Id, message.To, null, new TemplateContent(registered.Name, registered.Language, asked.Parameters ?? [], registered.BodyText));
    }

    private static MessageRecord Fail(MessageRecord message, ErrorCode code, string why, DateTimeOffset now) =>
        message with { Status = MessageStatus.Failed, ErrorCode = code, ErrorMessage = why, FailedAt = now, NextAttemptAt = null };

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId}: {Outcome} ({Rule})")]
    private static partial void LogOutcome(ILogger logger, string messageId, string outcome, string rule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch pass failed; retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
