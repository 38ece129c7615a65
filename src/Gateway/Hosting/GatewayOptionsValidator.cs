using Microsoft.Extensions.Options;

namespace PilotStatus.Gateway.Hosting;

/// <summary>The rules across <see cref="GatewayOptions"/> that DataAnnotations cannot say.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        // The sandbox's fixed token is short on purpose; it works only on loopback, with demo connections.
        if (string.IsNullOrWhiteSpace(options.AdminToken) || (options.AdminToken.Length < 16 && !options.Sandbox))
            return ValidateOptionsResult.Fail("Gateway:AdminToken must be set to at least 16 characters (environment variable Gateway__AdminToken).");
        if ((options.PlatformNumber is null) != (options.PlatformConnectionId is null))
            return ValidateOptionsResult.Fail("Gateway:PlatformNumber and Gateway:PlatformConnectionId are set together or not at all.");
        if (options.Database is not ("sqlite" or "postgresql"))
            return ValidateOptionsResult.Fail($"Gateway:Database is '{options.Database}'; it must be sqlite or postgresql.");
        if (options.Database == "postgresql" && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            return ValidateOptionsResult.Fail("Gateway:PostgresConnectionString must be set when Gateway:Database is postgresql (environment variable Gateway__PostgresConnectionString).");
        return ValidateOptionsResult.Success;
    }
}
