using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TriVision.Benchmarks.Messaging;

/// <summary>A mosquitto broker on a free loopback port for the messaging benchmarks (no persistence: it measures the client).</summary>
internal sealed class LoopbackBroker : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    public LoopbackBroker()
    {
        _dir = Directory.CreateTempSubdirectory("trivision-bench-broker-").FullName;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string config = Path.Combine(_dir, "mosquitto.conf");
        File.WriteAllText(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\nmax_inflight_messages 0\nmax_queued_messages 0\n");
        _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", config]) { UseShellExecute = false, RedirectStandardError = true })
            ?? throw new InvalidOperationException("mosquitto did not start (apt-get install mosquitto)");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline) { Thread.Sleep(50); }
        }
    }

    public int Port { get; }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_dir, true);
    }
}
