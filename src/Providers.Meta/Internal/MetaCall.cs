using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;
using PilotStatus.Gateway.Providers.Shared;
using Refit;

namespace PilotStatus.Gateway.Providers.Meta;

/// <summary>What one Graph call gave back: an answer (status, body, the headers the mapper reads) or no answer.</summary>
internal sealed record MetaCall(bool Answered, int? Status, string? Body, IReadOnlyDictionary<string, string>? Headers, SendAttempt Attempt, string? Failure)
{
    /// <summary>Runs a Refit call and reads its raw answer; Refit's own errors become values, never exceptions.</summary>
    public static async Task<MetaCall> Run(Func<Task<IApiResponse<string>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<string> response;
        try
        {
            response = await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new MetaCall(false, null, null, null, TransportFailure.Classify(ex), TransportFailure.Describe(ex));
        }

        if (!response.IsReceived)
            return new MetaCall(false, null, null, null, TransportFailure.Classify(response.Error), TransportFailure.Describe(response.Error));

        var body = response.IsSuccessStatusCode ? response.Content : (response.Error as ApiException)?.Content;
        Dictionary<string, string>? headers = null;
        if (response.Headers.TryGetValues(MetaResponseMapper.UsageHeader, out var usage))
            headers = new(StringComparer.OrdinalIgnoreCase) { [MetaResponseMapper.UsageHeader] = string.Join(",", usage) };
        return new MetaCall(true, (int)response.StatusCode, body, headers, SendAttempt.Answered, null);
    }
}
