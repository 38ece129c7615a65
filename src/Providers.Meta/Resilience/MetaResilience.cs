using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
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
        var isRead = context.InstanceName.StartsWith("read:", StringComparison.Ordinal);
        if (isRead && options.ReadRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(10),
                // A Retry-After delay is not capped by MaxDelay (Polly docs); Meta sends none, so it is simply off.
                ShouldRetryAfterHeader = false,
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
        });
        builder.AddTimeout(isRead ? options.ReadTimeout : options.SendTimeout);
    }

    /// <summary>The pipeline key of a request: <c>send:{id}</c> or <c>read:{id}</c>, never a token or a number.</summary>
    public static string KeyOf(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var id = segments.Length > 1 ? segments[1] : "-";
        return (request.Method == HttpMethod.Get ? "read:" : "send:") + id;
    }
}
