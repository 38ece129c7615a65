using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Shared;
using PilotStatus.Gateway.Providers.Baileys.Internal;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using PilotStatus.Gateway.Providers.Baileys.Models;
using Refit;

namespace PilotStatus.Gateway.Providers.Baileys.Instances;

/// <inheritdoc cref="IEvolutionInstanceClient"/>
internal sealed class EvolutionInstanceClient(IEvolutionApi api) : IEvolutionInstanceClient
{
    public Task<ProviderOutcome> CheckNumbersAsync(ProviderConnection connection, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var body = new EvolutionNumbersBody([.. numbers.Select(n => n.TrimStart('+'))]);
        return Call(connection, t => api.WhatsappNumbersAsync(t.Server, t.Instance, body, t.ApiKey, cancellationToken), cancellationToken);
    }

    public Task<ProviderOutcome> ConnectionStateAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        Call(connection, t => api.ConnectionStateAsync(t.Server, t.Instance, t.ApiKey, cancellationToken), cancellationToken);

    public Task<ProviderOutcome> FetchInstanceAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        Call(connection, t => api.FetchInstancesAsync(t.Server, t.Instance, t.ApiKey, cancellationToken), cancellationToken);

    public Task<ProviderOutcome> CreateAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        Call(connection, t => api.CreateInstanceAsync(t.Server, new EvolutionCreateBody(t.Instance), t.ApiKey, cancellationToken), cancellationToken);

    public Task<ProviderOutcome> RestartAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        Call(connection, t => api.RestartAsync(t.Server, t.Instance, t.ApiKey, cancellationToken), cancellationToken);

    public Task<ProviderOutcome> LogoutAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        Call(connection, t => api.LogoutAsync(t.Server, t.Instance, t.ApiKey, cancellationToken), cancellationToken);

    public Task<ProviderOutcome> DeleteAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        Call(connection, t => api.DeleteAsync(t.Server, t.Instance, t.ApiKey, cancellationToken), cancellationToken);

    public Task<ProviderOutcome> FindStatusMessageAsync(ProviderConnection connection, string keyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(keyId)) return Task.FromResult(EvolutionResponseMapper.Incomplete("no keyId to look up"));
        var body = new EvolutionFindStatusBody(new EvolutionStatusWhere(keyId));
        return Call(connection, t => api.FindStatusMessageAsync(t.Server, t.Instance, body, t.ApiKey, cancellationToken), cancellationToken);
    }

    private static async Task<ProviderOutcome> Call(
        ProviderConnection connection, Func<EvolutionTarget, Task<IApiResponse<string>>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (EvolutionTarget.Of(connection) is not { } target)
            return EvolutionResponseMapper.Incomplete("the connection has no valid serverUrl, instanceName or apiKey");
        var answer = await ProviderCall.Run(() => call(target), cancellationToken).ConfigureAwait(false);
        return answer.Answered
            ? EvolutionResponseMapper.MapInstance(answer.Status, answer.Body)
            : EvolutionResponseMapper.TransportFailure(answer.Attempt, answer.Failure!);
    }
}
