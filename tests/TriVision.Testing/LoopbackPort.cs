using System.Net;
using System.Net.Sockets;

namespace TriVision.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for servers a test starts (brokers, RTSP servers, dead URLs).</summary>
public static class LoopbackPort
{
    /// <summary>A port the OS just handed out and released: free now, nothing listens on it.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
