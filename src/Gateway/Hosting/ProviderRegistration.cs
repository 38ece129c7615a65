using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Hosting;

/// <summary>The one place the host composes its providers: adding a provider is one line here.</summary>
internal static class ProviderRegistration
{
    /// <summary>Adds every provider with its options; <paramref name="configure"/> lets tests and the sandbox point them at doubles.</summary>
    public static IServiceCollection AddGatewayProviders(this IServiceCollection services, Action<ProviderEndpoints>? configure = null) =>
        services.AddGatewayProviders(null, configure);

    /// <summary>Adds every provider, binding its options from <paramref name="configuration"/> first (<c>Providers:Meta</c>, <c>Providers:Baileys</c>).</summary>
    public static IServiceCollection AddGatewayProviders(this IServiceCollection services, IConfiguration? configuration, Action<ProviderEndpoints>? configure = null)
    {
        if (configuration is not null)
        {
            services.Configure<Providers.Meta.MetaOptions>(configuration.GetSection(Providers.Meta.MetaOptions.Section));
            services.Configure<Providers.Baileys.BaileysOptions>(configuration.GetSection(Providers.Baileys.BaileysOptions.Section));
        }

        var endpoints = new ProviderEndpoints();
        configure?.Invoke(endpoints);
        services.AddMetaProvider(endpoints.Meta);
        services.AddBaileysProvider(endpoints.Baileys);
        return services;
    }

    /// <summary>A provider container for the offline verbs (classify, fixtures verify).</summary>
    public static ServiceProvider BuildOffline(Action<ProviderEndpoints>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGatewayProviders(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The classifier of each provider, by name.</summary>
    public static IReadOnlyDictionary<string, IProviderClassifier> Classifiers(this IServiceProvider services) =>
        services.GetServices<IProviderClassifier>().ToDictionary(c => c.Provider, StringComparer.Ordinal);
}
