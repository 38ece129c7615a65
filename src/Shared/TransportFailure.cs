using System.Net.Sockets;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Shared;

/// <summary>
/// Tells, for a request that got no answer, whether it may have reached the provider. Shared as source by the
/// provider projects (linked, not referenced) so that each stays a leaf over Abstractions.
/// </summary>
internal static class TransportFailure
{
    /// <summary>
    /// <see cref="SendAttempt.NotSent"/> when the request certainly never left (open circuit, refused or unresolved
    /// connection); otherwise <see cref="SendAttempt.Unknown"/>: a timeout or a reset after the bytes may have left.
    /// </summary>
    public static SendAttempt Classify(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Polly.CircuitBreaker.BrokenCircuitException) return SendAttempt.NotSent;
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable })
                return SendAttempt.NotSent;
        }

        return SendAttempt.Unknown;
    }

    /// <summary>A short, secret-free description of the failure for the outcome's evidence.</summary>
    public static string Describe(Exception? error)
    {
        var innermost = error;
        while (innermost?.InnerException is not null) innermost = innermost.InnerException;
        return innermost is null ? "no answer" : $"{innermost.GetType().Name}: {innermost.Message}";
    }
}
