using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PilotStatus.Gateway.Providers.Meta.Tests;

/// <summary>Our option rules: bad settings stop the host at start-up with a message naming the setting.</summary>
public sealed class MetaOptionsTests
{
    private static OptionsValidationException? Validate(Action<MetaOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddMetaProvider(configure);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<MetaOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public void Defaults_AreValid() => Validate(_ => { }).ShouldBeNull();

    [Fact]
    public void GraphVersion_NotVersionShaped_IsRejected() =>
        Validate(o => o.GraphVersion = "latest")!.Message.ShouldContain("GraphVersion");

    [Fact]
    public void BreakerSampling_ShorterThanTimeout_IsRejected() =>
        Validate(o => { o.SendTimeout = TimeSpan.FromSeconds(30); o.BreakerSamplingDuration = TimeSpan.FromSeconds(10); })!.Message.ShouldContain("BreakerSamplingDuration");

    [Fact]
    public void ReadRetries_OutOfRange_IsRejected() => Validate(o => o.ReadRetries = 9).ShouldNotBeNull();
}
