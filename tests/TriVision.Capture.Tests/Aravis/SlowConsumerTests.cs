using TriVision.Capture.Aravis;
using TriVision.Capture.Configuration;
using TriVision.Capture.Tests.Frames;
using TriVision.Capture.Tests.Support;
using TriVision.Core.Frames;
using TriVision.Core.Time;
using Xunit.Abstractions;

namespace TriVision.Capture.Tests.Aravis;

[Collection("Aravis")]
public sealed class SlowConsumerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Consumer_three_times_slower_than_the_camera_sees_bounded_lag_and_the_newest_frames()
    {
        const double cameraFps = 30;
        var processTime = TimeSpan.FromSeconds(3 / cameraFps); // 3x slower than the camera
        var options = new CameraSourceOptions { Source = "genicam://Fake_1", Width = 320, Height = 240, FrameRate = cameraFps, SlotCapacity = 2 };
        using var source = new GenICamSource("slow", "Fake_1", options, new TestLogger(output));
        var slot = new LatestFrameSlot("slow", options.SlotCapacity);
        source.Start(slot);

        var lags = new List<(double AtS, double LagMs)>();
        long start = MonotonicClock.NowNs;
        long lastSequence = -1;
        int notNewest = 0;
        while ((MonotonicClock.NowNs - start) < 20_000_000_000L)
        {
            var frame = await slot.DequeueAsync();
            Assert.NotNull(frame);
            long delivered = source.DeliveredCount;
            // The frame taken is one of the newest the slot can hold, never an old backlog.
            if (frame!.Sequence < delivered - 1 - options.SlotCapacity) notNewest++;
            Assert.True(frame.Sequence > lastSequence);
            lastSequence = frame.Sequence;
            lags.Add(((MonotonicClock.NowNs - start) / 1e9, slot.LastLagNs / 1e6));
            Thread.Sleep(processTime); // the "detector"
            frame.Release();
        }
        source.Stop();
        slot.Complete();

        double firstMax = lags.Where(l => l.AtS < 5).Max(l => l.LagMs);
        double lastMax = lags.Where(l => l.AtS >= 15).Max(l => l.LagMs);
        double lastMean = lags.Where(l => l.AtS >= 15).Average(l => l.LagMs);
        output.WriteLine($"processed {lags.Count}, delivered {source.DeliveredCount}, slot drops {slot.DroppedCount}, pool drops {source.Pool.ExhaustedCount}, lag max first 5 s {firstMax:0.0} ms, last 5 s {lastMax:0.0} ms (mean {lastMean:0.0})");
        Assert.True(slot.DroppedCount > source.DeliveredCount / 3, $"drops {slot.DroppedCount} of {source.DeliveredCount}");
        Assert.True(notNewest <= 2, $"{notNewest} frames taken were not among the newest");
        // Generous bounds: no growth means the last 5 s look like the first 5 s, and far below
        // the 20 s backlog an unbounded queue would build (seconds).
        Assert.True(lastMax < Math.Max(3 * firstMax, 500), $"lag grew: first 5 s max {firstMax:0} ms, last 5 s max {lastMax:0} ms");
        FramePoolTests.AssertClean(source.Pool);
    }
}
