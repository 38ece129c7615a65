using PilotStatus.Gateway.Abstractions.Providers;
using Refit;

namespace PilotStatus.Gateway.Providers.Shared;

/// <summary>What one provider call gave back: an answer (status, raw body, the headers a mapper reads) or no answer.</summary>
internal sealed record ProviderCall(bool Answered, int? Status, string? Body, IReadOnlyDictionary<string, string>? Headers, SendAttempt Attempt, string? Failure)
{
    /// <summary>
    /// Runs a Refit call and reads its raw answer; Refit's own errors become values, never exceptions. Only the
    /// caller's cancellation propagates. <paramref name="keepHeader"/> names the one response header the mapper needs.
    /// </summary>
    public static async Task<ProviderCall> Run(Func<Task<IApiResponse<string>>> call, CancellationToken cancellationToken, string? keepHeader = null)
    {
        IApiResponse<string> response;
        try
        {
            response = await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProviderCall(false, null, null, null, TransportFailure.Classify(ex), TransportFailure.Describe(ex));
        }

        if (!response.IsReceived)
            return new ProviderCall(false, null, null, null, TransportFailure.Classify(response.Error), TransportFailure.Describe(response.Error));

        var body = response.IsSuccessStatusCode ? response.Content : (response.Error as ApiException)?.Content;
        Dictionary<string, string>? headers = null;
        if (keepHeader is not null && response.Headers.TryGetValues(keepHeader, out var values))
            headers = new(StringComparer.OrdinalIgnoreCase) { [keepHeader] = string.Join(",", values) };
        return new ProviderCall(true, (int)response.StatusCode, body, headers, SendAttempt.Answered, null);
    }
}
