using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Lifecycle;

/// <summary>Fails messages whose <c>deliverUntil</c> passed, with the code <see cref="ErrorCodeDerivation.AtDeadline"/> gives. All time comes from the injected clock.</summary>
internal sealed partial class DeadlineSweeper(
    IGatewayStore store, TimeProvider time, IOptions<SweeperOptions> options, IOptions<Hosting.GatewayOptions> gateway, ILogger<DeadlineSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(log, ex);
            }

            await Task.Delay(options.Value.Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass: every message past its deadline gets its code; returns how many ended.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = 0;
        IReadOnlyList<MessageRecord> batch;
        do
        {
            batch = await store.DeadlinePassedAsync(now, options.Value.BatchSize, ct).ConfigureAwait(false);
            foreach (var message in batch)
            {
                if (ErrorCodeDerivation.AtDeadline(message, now, gateway.Value.DefaultDeliverUntil) is not { } code) continue;
                // Conditional on the status it was read with: a webhook (or another replica) that moved it meanwhile wins.
                if (await store.TryUpdateMessageAsync(message with
                {
                    Status = MessageStatus.Failed,
                    ErrorCode = code,
                    ErrorMessage = $"deliverUntil {message.DeliverUntil:O} passed ({Abstractions.Errors.ErrorCatalog.NameOf(code)})",
                    FailedAt = now,
                    NextAttemptAt = null,
                }, message.Status, ct).ConfigureAwait(false)) ended++;
            }
        }
        while (batch.Count == options.Value.BatchSize);

        return ended;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline sweep failed; retrying after the interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
