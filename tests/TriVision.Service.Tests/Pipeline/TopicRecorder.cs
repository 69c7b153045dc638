using System.Diagnostics;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>What a PLC gateway sees: <c>mosquitto_sub -v -t 'trivision/#'</c> as a child process, one line per message.</summary>
public sealed class TopicRecorder : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();

    public TopicRecorder(int port, string filter = "trivision/#")
    {
        _process = Process.Start(new ProcessStartInfo("mosquitto_sub", ["-h", "127.0.0.1", "-p", port.ToString(), "-v", "-t", filter, "-i", "test-recorder"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto_sub did not start (apt-get install mosquitto-clients)");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add(e.Data); };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    /// <summary>Waits until a line satisfies <paramref name="match"/>; fails the test with what was received when it never comes.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in Lines)
                if (match(line)) return line;
            await Task.Delay(100);
        }
        Assert.Fail($"no MQTT message {what} within {timeoutSeconds} s; received:\n{string.Join('\n', Lines.Take(40))}");
        return "";
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
