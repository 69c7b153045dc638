using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Capture.Aravis;
using TriVision.Capture.Configuration;
using TriVision.Core.Frames;

namespace TriVision.Benchmarks.Capture;

/// <summary>
/// Sustained 1920x1080 Mono8 at 60 fps from Aravis's in-process fake camera with a consumer that
/// keeps up (takes each frame from the latest-frame slot and releases it). One operation = one
/// frame, so Mean is the frame period achieved (16.7 ms = 60 fps) and Allocated is per frame.
/// Drops = frames lost anywhere (slot, pool, stream underruns/failures) over frames delivered.
/// </summary>
[Config(typeof(CaptureConfig))]
public class GenICamCaptureBenchmarks
{
    private const int FramesPerIteration = 180; // 3 s at 60 fps

    private GenICamSource _source = null!;
    private LatestFrameSlot _slot = null!;
    private long _consumed;
    private long _verifiedInPlace;

    [GlobalSetup]
    public void Setup()
    {
        var options = new CameraSourceOptions { Source = "genicam://Fake_1", Width = 1920, Height = 1080, PixelFormat = "Mono8", FrameRate = 60, StreamBuffers = 8, PoolSize = 16 };
        _source = new GenICamSource("bench", "Fake_1", options, NullLogger.Instance);
        _slot = new LatestFrameSlot("bench", 2);
        _source.Start(_slot);
        // Warm: the first frames include stream start-up.
        for (int i = 0; i < 30; i++) _slot.DequeueAsync().AsTask().GetAwaiter().GetResult()!.Release();
    }

    [Benchmark(OperationsPerInvoke = FramesPerIteration)]
    public async Task FakeCamera_1080p60_ConsumerKeepsUp()
    {
        var pool = _source.Pool;
        for (int i = 0; i < FramesPerIteration; i++)
        {
            var frame = (await _slot.DequeueAsync().ConfigureAwait(false))!;
            // Zero copy: the frame's buffer is pool memory that the camera stack wrote into.
            if ((nuint)(frame.Pointer - pool.Frames[frame.Index].Pointer) == 0) _verifiedInPlace++;
            frame.Release();
            _consumed++;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Stop();
        _slot.Complete();
        var stats = _source.Statistics;
        long delivered = _source.DeliveredCount;
        ulong lost = (ulong)_slot.DroppedCount + (ulong)_source.Pool.ExhaustedCount + stats.Underruns + stats.Failures;
        double dropPercent = 100.0 * lost / Math.Max(1, delivered + (long)stats.Underruns + (long)stats.Failures);
        string method = nameof(FakeCamera_1080p60_ConsumerKeepsUp);
        CaptureMeasurements.Set(method, "Frames", $"{delivered}");
        CaptureMeasurements.Set(method, "Drops", $"{lost} ({dropPercent:0.00}%)");
        CaptureMeasurements.Set(method, "BytesCopied/frame", $"{GenICamSource.BytesCopiedPerFrame} ({_verifiedInPlace}/{_consumed} in place)");
        _source.Dispose();
    }
}
