using Microsoft.Extensions.Options;

namespace PilotStatus.Gateway.Providers.Meta.Resilience;

/// <summary>The rules across <see cref="MetaOptions"/> properties that DataAnnotations cannot say.</summary>
internal sealed class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        if (options.CheckTimings(MetaOptions.Section) is { } timings) return ValidateOptionsResult.Fail(timings);
        if (!options.BaseUrl.IsAbsoluteUri)
            return ValidateOptionsResult.Fail("Providers:Meta:BaseUrl must be an absolute URL.");
        return ValidateOptionsResult.Success;
    }
}
