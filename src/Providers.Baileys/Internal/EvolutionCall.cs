using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Shared;
using Refit;

namespace PilotStatus.Gateway.Providers.Baileys.Internal;

/// <summary>What one Evolution call gave back: an answer (status and raw body) or no answer.</summary>
internal sealed record EvolutionCall(bool Answered, int? Status, string? Body, SendAttempt Attempt, string? Failure)
{
    /// <summary>Runs a Refit call and reads its raw answer; Refit's own errors become values, never exceptions.</summary>
    public static async Task<EvolutionCall> Run(Func<Task<IApiResponse<string>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<string> response;
        try
        {
            response = await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new EvolutionCall(false, null, null, TransportFailure.Classify(ex), TransportFailure.Describe(ex));
        }

        if (!response.IsReceived)
            return new EvolutionCall(false, null, null, TransportFailure.Classify(response.Error), TransportFailure.Describe(response.Error));

        var body = response.IsSuccessStatusCode ? response.Content : (response.Error as ApiException)?.Content;
        return new EvolutionCall(true, (int)response.StatusCode, body, SendAttempt.Answered, null);
    }
}
