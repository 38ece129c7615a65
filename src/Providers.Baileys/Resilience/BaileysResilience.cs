using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Providers.Shared;
using Polly;

namespace PilotStatus.Gateway.Providers.Baileys.Resilience;

/// <summary>
/// The Evolution client's resilience: one pipeline per key, the key being the call's kind, its server and its
/// instance (<c>send:https://evo.example.com:443|loja-centro</c>), so that one dead instance never opens the circuit of
/// the others on its server. Sends and instance changes (sendText, create, restart, logout, delete) get a circuit
/// breaker and a timeout and are never retried: Evolution has no idempotency key, so a retried POST can deliver
/// the message twice (dotnet/extensions#5248). Idempotent calls (whatsappNumbers, connectionState, fetchInstances,
/// findStatusMessage) may retry transient failures.
/// </summary>
internal static class BaileysResilience
{
    public const string HandlerName = "baileys";

    // Routes ending in /{action}/{instance}; create and fetchInstances name the instance in the body or the query.
    private static readonly HashSet<string> InstanceRoutes = new(StringComparer.Ordinal)
    {
        "sendText", "whatsappNumbers", "findStatusMessage", "connectionState", "restart", "logout", "delete",
    };

    private static readonly HashSet<string> ReadActions = new(StringComparer.Ordinal)
    {
        "whatsappNumbers", "findStatusMessage", "connectionState", "fetchInstances",
    };

    /// <summary>Builds the pipeline of one key.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<BaileysOptions>>().Value;
        ProviderPipeline.Configure(builder, options, isRead: context.InstanceName.StartsWith("read:", StringComparison.Ordinal));
    }

    /// <summary>
    /// The pipeline key of a (rewritten) request: <c>send:</c> or <c>read:</c>, then <c>scheme://host:port|instance</c>;
    /// never a key or a number. Total: an unknown path (the start-up probe <c>https://localhost:123/</c>) is a send with instance <c>-</c>.
    /// </summary>
    public static string KeyOf(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri) return "send:-|-";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? action;
        string? instance;
        if (segments.Length >= 2 && InstanceRoutes.Contains(segments[^2]))
        {
            action = segments[^2];
            instance = Uri.UnescapeDataString(segments[^1]);
        }
        else
        {
            action = segments.Length > 0 ? segments[^1] : null;
            instance = QueryValue(uri.Query, "instanceName");
        }

        var kind = action is not null && ReadActions.Contains(action) ? "read:" : "send:";
        return $"{kind}{uri.Scheme}://{uri.Host}:{uri.Port}|{(string.IsNullOrEmpty(instance) ? "-" : instance)}";
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(Uri.UnescapeDataString(pair[..equals]), name, StringComparison.Ordinal))
                return Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return null;
    }
}
