using Microsoft.Extensions.Options;

namespace PilotStatus.Gateway.Providers.Baileys.Resilience;

/// <summary>The rules across <see cref="BaileysOptions"/> properties that DataAnnotations cannot say.</summary>
internal sealed class BaileysOptionsValidator : IValidateOptions<BaileysOptions>
{
    public ValidateOptionsResult Validate(string? name, BaileysOptions options)
    {
        if (options.CheckTimings(BaileysOptions.Section) is { } timings) return ValidateOptionsResult.Fail(timings);
        if (options.PlaceholderBaseUrl is not { IsAbsoluteUri: true } placeholder || !string.IsNullOrEmpty(placeholder.Query))
            return ValidateOptionsResult.Fail("Providers:Baileys:PlaceholderBaseUrl must be an absolute URL without a query.");
        return ValidateOptionsResult.Success;
    }
}
