using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta;
using PilotStatus.Gateway.Providers.Meta.Mapping;
using PilotStatus.Gateway.Providers.Meta.Models;
using PilotStatus.Gateway.Providers.Meta.Resilience;
using PilotStatus.Gateway.Providers.Meta.Sync;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Meta Cloud API provider.</summary>
public static class MetaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Meta provider: <see cref="IMessageProvider"/> "meta", its <see cref="IProviderClassifier"/>,
    /// <see cref="IMetaGraphClient"/> for Sync with Meta, and the Refit Graph client with per-phone-number
    /// resilience. Options bind from <see cref="MetaOptions.Section"/> when the host binds them, and are
    /// validated at start-up.
    /// </summary>
    /// <returns>The Graph client's builder, for hosts and tests that add handlers.</returns>
    public static IHttpClientBuilder AddMetaProvider(this IServiceCollection services, Action<MetaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MetaOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderClassifier, MetaClassifier>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IMessageProvider, MetaProvider>());
        services.TryAddTransient<IMetaGraphClient, MetaGraphClient>();

        var client = services
            .AddRefitGeneratedClient<IMetaCloudApi>(
                _ => new RefitSettings(new SystemTextJsonContentSerializer(MetaJson.Options)) { MaxExceptionContentLength = 64 * 1024 },
                "meta")
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<MetaOptions>>().Value.BaseUrl);
        client.AddResilienceHandler(MetaResilience.HandlerName, MetaResilience.Configure)
            .SelectPipelineBy(_ => MetaResilience.KeyOf);
        return client;
    }
}
