using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Providers.Baileys.Instances;
using PilotStatus.Gateway.Providers.Baileys.Internal;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using PilotStatus.Gateway.Providers.Baileys.Models;
using PilotStatus.Gateway.Providers.Baileys.Resilience;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Baileys (Evolution API v2) provider.</summary>
public static class BaileysServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Baileys provider: <see cref="IMessageProvider"/> "baileys", its <see cref="IProviderClassifier"/>,
    /// <see cref="IEvolutionInstanceClient"/> for instance calls, and the Refit Evolution client. Each request goes to
    /// its connection's <c>serverUrl</c>, with resilience per server and instance. Options bind from
    /// <see cref="BaileysOptions.Section"/> when the host binds them, and are validated at start-up.
    /// </summary>
    /// <returns>The Evolution client's builder, for hosts and tests that add handlers.</returns>
    public static IHttpClientBuilder AddBaileysProvider(this IServiceCollection services, Action<BaileysOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BaileysOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BaileysOptions>, BaileysOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderClassifier, EvolutionClassifier>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IMessageProvider, BaileysProvider>());
        services.TryAddTransient<IEvolutionInstanceClient, EvolutionInstanceClient>();
        services.TryAddTransient<EvolutionServerHandler>();

        var client = services
            .AddRefitGeneratedClient<IEvolutionApi>(
                _ => new RefitSettings(new SystemTextJsonContentSerializer(EvolutionJson.Options)) { MaxExceptionContentLength = 64 * 1024 },
                "baileys")
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<BaileysOptions>>().Value.PlaceholderBaseUrl)
            // Before the resilience handler: the pipeline key must see the real server, and the rewrite runs once per call.
            .AddHttpMessageHandler<EvolutionServerHandler>();
        client.AddResilienceHandler(BaileysResilience.HandlerName, BaileysResilience.Configure)
            .SelectPipelineBy(_ => BaileysResilience.KeyOf);
        return client;
    }
}
