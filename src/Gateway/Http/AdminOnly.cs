using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Http;

/// <summary>Endpoint filter: the admin bearer token, or a 401 problem before the endpoint runs.</summary>
internal sealed class AdminOnly(IOptions<GatewayOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Secrets.Same(Secrets.Bearer(context.HttpContext.Request), options.Value.AdminToken!)
            ? next(context)
            : ValueTask.FromResult<object?>(Problems.Unauthenticated("An admin bearer token is required."));
}
