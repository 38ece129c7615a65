using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Providers.Shared;
using Polly;

namespace PilotStatus.Gateway.Providers.Meta.Resilience;

/// <summary>
/// The Graph client's resilience: one pipeline per key, the key being the call's kind and the id in its path.
/// Sends (<c>send:{phone-number-id}</c>) get a circuit breaker and a timeout and are never retried: Meta has no
/// idempotency key, so a retried POST can deliver the message twice (dotnet/extensions#5248). Reads
/// (<c>read:{waba-id}</c>) are GETs and may retry transient failures.
/// </summary>
internal static class MetaResilience
{
    public const string HandlerName = "meta";

    /// <summary>Builds the pipeline of one key.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<MetaOptions>>().Value;
        ProviderPipeline.Configure(builder, options, isRead: context.InstanceName.StartsWith("read:", StringComparison.Ordinal));
    }

    /// <summary>The pipeline key of a request: <c>send:{id}</c> or <c>read:{id}</c>, never a token or a number.</summary>
    public static string KeyOf(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var id = segments.Length > 1 ? segments[1] : "-";
        return (request.Method == HttpMethod.Get ? "read:" : "send:") + id;
    }
}
