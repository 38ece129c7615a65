using Microsoft.Extensions.Http.Resilience;
using PilotStatus.Gateway.Abstractions.Providers;
using Polly;

namespace PilotStatus.Gateway.Providers.Shared;

/// <summary>
/// The resilience pipeline of one circuit key, the same for every HTTP provider: reads retry transient failures,
/// sends never do; both get a circuit breaker and a timeout. Which key is a read is each provider's own business.
/// </summary>
internal static class ProviderPipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ProviderHttpOptions options, bool isRead)
    {
        if (isRead && options.ReadRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(10),
                // A Retry-After delay is not capped by MaxDelay (Polly docs); neither Meta nor Evolution sends one, so it is off.
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
}
