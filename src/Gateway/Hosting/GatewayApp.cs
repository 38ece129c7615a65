using Microsoft.Extensions.Options;
using PilotStatus.Gateway.ApiKeys;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Http;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;

namespace PilotStatus.Gateway.Hosting;

/// <summary>
/// The HTTP service (<c>serve</c>): ASP.NET Core minimal APIs on Kestrel, <c>http://127.0.0.1:5080</c> unless
/// <c>--urls</c> says otherwise; settings from appsettings.json, environment variables and flags, validated at start.
/// Everything reads its settings at resolve time, so hosts and tests can add configuration after this returns.
/// </summary>
internal static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Sandbox.SandboxDoubles? sandbox = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        AddServices(builder.Services, builder.Configuration);
        if (sandbox is not null)
        {
            builder.Services.AddSingleton(sandbox);
            builder.Services.AddHostedService<Sandbox.SandboxSeeder>();
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapConnections();
        app.MapTemplates();
        app.MapApiKeys();
        app.MapMessages();
        Logs.LogEndpoints.MapLogs(app);
        Webhooks.MetaWebhookEndpoints.MapMetaWebhooks(app);
        Webhooks.BaileysWebhookEndpoints.MapBaileysWebhooks(app);
        if (sandbox is not null) Sandbox.SandboxEndpoints.MapSandbox(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddGatewayProviders(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddGatewayStorage();
        services.AddHostedService<StoreMigrator>();
        services.AddSingleton<ConnectionSecrets>();
        services.AddTransient<PreSendChecks>();
        services.AddOptions<Dispatch.DispatcherOptions>().Bind(configuration.GetSection(Dispatch.DispatcherOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Contacts.ContactHistory>();
        services.AddSingleton<Webhooks.StatusUpdates>();
        services.AddSingleton<Dispatch.Dispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Dispatch.Dispatcher>());
        services.AddOptions<Lifecycle.SweeperOptions>().Bind(configuration.GetSection(Lifecycle.SweeperOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Lifecycle.DeadlineSweeper>();
        services.AddOptions<Webhooks.MetaWebhookOptions>().Bind(configuration.GetSection(Webhooks.MetaWebhookOptions.Section));
        services.AddOptions<Webhooks.BaileysWebhookOptions>().Bind(configuration.GetSection(Webhooks.BaileysWebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService(sp => sp.GetRequiredService<Lifecycle.DeadlineSweeper>());

        // Every error answer, ours or the framework's (404 route, 405, 500), is problem+json with a code.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => Problems.NotFound,
                StatusCodes.Status401Unauthorized => Problems.Unauthorized,
                >= 500 => Problems.Internal,
                _ => Problems.InvalidRequest,
            }));
    }
}
