using Microsoft.Extensions.Options;

namespace PilotStatus.Gateway.Providers.Meta.Resilience;

/// <summary>The rules across <see cref="MetaOptions"/> properties that DataAnnotations cannot say.</summary>
internal sealed class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        var longest = options.SendTimeout > options.ReadTimeout ? options.SendTimeout : options.ReadTimeout;
        if (options.BreakerSamplingDuration < longest)
            return ValidateOptionsResult.Fail($"Providers:Meta:BreakerSamplingDuration ({options.BreakerSamplingDuration}) must be at least the longest timeout ({longest}).");
        if (!options.BaseUrl.IsAbsoluteUri)
            return ValidateOptionsResult.Fail("Providers:Meta:BaseUrl must be an absolute URL.");
        return ValidateOptionsResult.Success;
    }
}
