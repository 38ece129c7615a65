using Microsoft.Extensions.Options;

namespace PilotStatus.Gateway.Providers.Baileys.Internal;

/// <summary>
/// Sends each request to its connection's Evolution server: replaces the placeholder base address with the
/// server's scheme, host and port and prefixes the server's path base. Registered before the resilience handler so
/// that the pipeline key (and so the circuit breaker) is per real server and instance.
/// </summary>
internal sealed class EvolutionServerHandler(IOptions<BaileysOptions> options) : DelegatingHandler
{
    /// <summary>The request property (a Refit <c>[Property]</c>) that holds the connection's <c>serverUrl</c>.</summary>
    public const string ServerProperty = "pilot.server";

    private static readonly HttpRequestOptionsKey<string> ServerKey = new(ServerProperty);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request without a valid server is a bug in this provider (the callers check the settings first).
        if (request.RequestUri is null || !request.Options.TryGetValue(ServerKey, out var server) || !EvolutionTarget.TryParseServer(server, out var serverUri))
            throw new InvalidOperationException("An Evolution request reached the server handler without a valid server property.");

        request.RequestUri = Rewrite(request.RequestUri, serverUri, options.Value.PlaceholderBaseUrl);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The request's address on <paramref name="server"/>: its path below the placeholder's, under the server's path base.</summary>
    internal static Uri Rewrite(Uri requestUri, Uri server, Uri placeholder)
    {
        var path = requestUri.AbsolutePath;
        var placeholderBase = placeholder.AbsolutePath.TrimEnd('/');
        if (placeholderBase.Length > 0 && path.StartsWith(placeholderBase + "/", StringComparison.Ordinal))
            path = path[placeholderBase.Length..];
        var serverBase = server.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(serverBase + path + requestUri.Query, UriKind.Absolute);
    }
}
