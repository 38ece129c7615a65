using System.Net;
using System.Net.Sockets;

namespace PilotStatus.Gateway.Tests;

/// <summary>Loopback ports for the tests that start real listeners.</summary>
internal static class Ports
{
    /// <summary>A port nothing listens on right now (the OS picks it; closed again before returning).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
