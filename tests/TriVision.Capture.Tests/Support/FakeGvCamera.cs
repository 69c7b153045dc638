using System.Diagnostics;

namespace TriVision.Capture.Tests.Support;

/// <summary>
/// Aravis's GigE Vision camera simulator (arv-fake-gv-camera-0.8) on 127.0.0.1: the real GVCP/GVSP
/// protocol over loopback. Device id "Aravis-Fake-GV01".
/// </summary>
internal sealed class FakeGvCamera : IDisposable
{
    public const string DeviceId = "Aravis-Fake-GV01";
    private Process? _process;

    public void Start()
    {
        var psi = new ProcessStartInfo("arv-fake-gv-camera-0.8")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-i");
        psi.ArgumentList.Add("127.0.0.1");
        _process = Process.Start(psi) ?? throw new InvalidOperationException("arv-fake-gv-camera-0.8 did not start (apt-get install aravis-tools)");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Thread.Sleep(500); // let it bind its GVCP port before anyone looks for it
        if (_process.HasExited)
            throw new InvalidOperationException($"arv-fake-gv-camera-0.8 exited at once with code {_process.ExitCode}: is another simulator bound to 127.0.0.1:3956?");
    }

    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();
}
