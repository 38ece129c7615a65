using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;
using PilotStatus.Gateway.Providers.Shared;

namespace PilotStatus.Gateway.Providers.Meta.Sync;

/// <inheritdoc cref="IMetaGraphClient"/>
internal sealed class MetaGraphClient(IMetaCloudApi api, IOptions<MetaOptions> options) : IMetaGraphClient
{
    private const string TemplateFields = "id,name,status,category,language,components";

    // A guard against a paging loop in a broken answer; 250 templates per WABA is Meta's cap (2388019).
    private const int MaxPages = 100;

    public Task<MetaGraphRead<string>> ReadWabaAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        ReadRaw(connection, (waba, token) => api.GetWabaAsync(options.Value.GraphVersion, waba, token, cancellationToken), cancellationToken);

    public Task<MetaGraphRead<string>> ReadPhoneNumbersAsync(ProviderConnection connection, CancellationToken cancellationToken) =>
        ReadRaw(connection, (waba, token) => api.GetPhoneNumbersAsync(options.Value.GraphVersion, waba, token, cancellationToken), cancellationToken);

    public async Task<MetaGraphRead<IReadOnlyList<MetaTemplateInfo>>> ReadTemplatesAsync(ProviderConnection connection, CancellationToken cancellationToken)
    {
        if (Credentials(connection) is not var (waba, token)) return new(Incomplete(), null);
        var templates = new List<MetaTemplateInfo>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var call = await ProviderCall.Run(
                () => api.GetTemplatesAsync(options.Value.GraphVersion, waba, TemplateFields, options.Value.TemplatePageSize, after, token, cancellationToken),
                cancellationToken,
                MetaResponseMapper.UsageHeader).ConfigureAwait(false);
            var outcome = Outcome(call);
            if (outcome.Code is not null) return new(outcome, null);

            after = MetaTemplatePage.Read(call.Body, templates);
            if (after is null) return new(outcome, templates);
        }

        return new(MetaResponseMapper.MapGraph(200, "{\"error\":{\"message\":\"paging did not end\"}}", null), null);
    }

    public async Task<MetaGraphRead<IReadOnlyList<MetaTemplateInfo>>> SyncAsync(ProviderConnection connection, CancellationToken cancellationToken)
    {
        var waba = await ReadWabaAsync(connection, cancellationToken).ConfigureAwait(false);
        return waba.Succeeded ? await ReadTemplatesAsync(connection, cancellationToken).ConfigureAwait(false) : new(waba.Outcome, null);
    }

    private static async Task<MetaGraphRead<string>> ReadRaw(
        ProviderConnection connection, Func<string, string, Task<Refit.IApiResponse<string>>> read, CancellationToken cancellationToken)
    {
        if (Credentials(connection) is not var (waba, token)) return new(Incomplete(), null);
        var call = await ProviderCall.Run(() => read(waba, token), cancellationToken, MetaResponseMapper.UsageHeader).ConfigureAwait(false);
        var outcome = Outcome(call);
        return new(outcome, outcome.Code is null ? call.Body : null);
    }

    private static ProviderOutcome Outcome(ProviderCall call) => call.Answered
        ? MetaResponseMapper.MapGraph(call.Status, call.Body, call.Headers)
        : MetaResponseMapper.TransportFailure(call.Attempt, call.Failure!);

    private static (string Waba, string Token)? Credentials(ProviderConnection connection) =>
        connection.Setting(MetaConnectionSettings.WabaId) is { } waba && connection.Setting(MetaConnectionSettings.SystemToken) is { } token
            ? (waba, token)
            : null;

    private static ProviderOutcome Incomplete() => new()
    {
        Kind = OutcomeKind.Failed,
        Code = ErrorCode.MetaWabaNotAccessible,
        RuleId = MetaFallbacks.SyncNoWaba.Id,
        Attempt = SendAttempt.NotSent,
        Evidence = new ProviderEvidence(MetaResponseMapper.Provider, ProviderMessage: "the connection has no wabaId or systemToken"),
    };
}
