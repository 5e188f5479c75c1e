using System.Net;
using System.Net.Sockets;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>A loopback port nothing listens on right now, for a server the test starts outside this process.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
