using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Capture.Configuration;
using TriVision.Capture.FFmpeg;
using TriVision.Core.Frames;

namespace TriVision.Benchmarks.Capture;

/// <summary>
/// The FFmpeg path at full speed: a generated 1280x720 MPEG-4 file decoded to bgr24 and read
/// through the pipe into pool frames. One operation = one frame. CPU/frame splits ffmpeg's CPU
/// (decode + pixel conversion + pipe write, from /proc children times) from TriVision's (pipe read +
/// the one copy into the frame + hand-over).
/// </summary>
[Config(typeof(CaptureConfig))]
public class FFmpegCaptureBenchmarks
{
    private const int Frames = 150;
    private string _dir = "";
    private string _file = "";
    private TimeSpan _ourCpu;
    private TimeSpan _childCpu;
    private long _frames;
    private long _drops;
    private double _bytesPerFrame;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("trivision-bench-").FullName;
        _file = Path.Combine(_dir, "clip.mp4");
        var psi = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30", "-t", $"{Frames / 30}", "-c:v", "mpeg4", "-q:v", "4", _file })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("ffmpeg could not generate the benchmark clip");
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public void File720p_FullSpeed()
    {
        var options = new CameraSourceOptions { Source = _file, NativeRate = false };
        using var source = new FFmpegSource("bench", FFmpegInputKind.File, _file, options, NullLogger.Instance);
        using var done = new ManualResetEventSlim();
        source.Completed += (_, _) => done.Set();
        source.Faulted += (_, e) => throw new InvalidOperationException(e.Message);
        var sink = new ReleasingSink();
        TimeSpan ourBefore = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan childBefore = ChildrenCpu();
        source.Start(sink);
        if (!done.Wait(TimeSpan.FromSeconds(120))) throw new TimeoutException("ffmpeg benchmark did not finish");
        source.Stop();
        _ourCpu += Process.GetCurrentProcess().TotalProcessorTime - ourBefore;
        _childCpu += ChildrenCpu() - childBefore;
        _frames += sink.Count;
        _drops += source.Pool.ExhaustedCount;
        _bytesPerFrame = source.BytesCopiedPerFrame;
        if (sink.Count != Frames) throw new InvalidOperationException($"expected {Frames} frames, got {sink.Count}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        string method = nameof(File720p_FullSpeed);
        CaptureMeasurements.Set(method, "Frames", $"{_frames}");
        CaptureMeasurements.Set(method, "Drops", $"{_drops}");
        CaptureMeasurements.Set(method, "BytesCopied/frame", $"{_bytesPerFrame:0} (pipe -> frame)");
        if (_frames > 0)
            CaptureMeasurements.Set(method, "CPU/frame", $"ffmpeg {_childCpu.TotalMilliseconds / _frames:0.00} ms + TriVision {_ourCpu.TotalMilliseconds / _frames:0.00} ms");
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>CPU of waited-for child processes (fields cutime + cstime of /proc/self/stat).</summary>
    private static TimeSpan ChildrenCpu()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime field 17.
        long ticks = long.Parse(fields[16 - 3]) + long.Parse(fields[17 - 3]);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    private sealed class ReleasingSink : IFrameSink
    {
        public int Count;

        public void OnFrame(Frame frame)
        {
            Count++;
            frame.Release();
        }
    }
}
