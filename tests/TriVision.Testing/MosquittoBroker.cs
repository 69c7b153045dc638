using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TriVision.Testing;

/// <summary>A real mosquitto broker on a free loopback port, with persistence in a temp folder so sessions survive a restart.</summary>
public sealed partial class MosquittoBroker : IDisposable
{
    private readonly string _dir;
    private readonly string _config;
    private Process? _process;

    public MosquittoBroker(string? extraConfig = null)
    {
        _dir = Directory.CreateTempSubdirectory("trivision-broker-").FullName;
        // mosquitto started as root drops to its own user: it must be able to write its persistence file here.
        File.SetUnixFileMode(_dir, (UnixFileMode)0x1FF);
        Port = LoopbackPort.Free();
        _config = Path.Combine(_dir, "mosquitto.conf");
        File.WriteAllText(_config, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {_dir}/
            autosave_interval 1
            max_queued_messages 100000
            log_dest stderr
            log_type error
            log_type warning
            log_type notice
            {extraConfig ?? ""}
            """);
        Start();
    }

    public int Port { get; }

    public void Start()
    {
        if (_process is { HasExited: false }) return;
        var psi = new ProcessStartInfo("mosquitto", ["-c", _config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start mosquitto");
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (Log) Log.Add(e.Data); };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"mosquitto exited at start: {string.Join("\n", Log)}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new TimeoutException($"mosquitto did not listen on {Port}");
    }

    /// <summary>Graceful stop (SIGTERM): mosquitto saves its persistence file, as in a service restart.</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited) return;
        kill(_process.Id, 15);
        if (!_process.WaitForExit(10_000)) _process.Kill();
        _process.Dispose();
        _process = null;
    }

    public List<string> Log { get; } = [];

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_dir, true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }


    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int sig);
}
