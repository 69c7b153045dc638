using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.Tests.Frames;

public sealed class FrameMetricsTests
{
    [Fact]
    public void Pool_and_slot_publish_drops_in_use_and_lag_on_the_capture_meter()
    {
        string camera = "metrics-" + Guid.NewGuid().ToString("N");
        var longs = new ConcurrentDictionary<string, long>();
        var doubles = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FrameMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (HasCamera(tags, camera, out string? reason)) longs.AddOrUpdate(instrument.Name + reason, value, (_, v) => v + value);
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (HasCamera(tags, camera, out string? _)) longs[instrument.Name] = value;
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (HasCamera(tags, camera, out string? _)) doubles.Add(value);
        });
        listener.Start();

        using var pool = new FramePool(new FrameFormat(4, 4, PixelFormat.Mono8), 3, camera);
        var slot = new LatestFrameSlot(camera, 1);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(pool.TryRent(out var f));
            f.CaptureTimestampNs = MonotonicClock.NowNs;
            slot.OnFrame(f);
        }
        Assert.True(pool.TryRent(out var held));
        Assert.True(pool.TryRent(out var held2));
        Assert.False(pool.TryRent(out _)); // exhausted
        Assert.True(slot.TryDequeue(out var taken));
        listener.RecordObservableInstruments();
        Assert.Equal(3, longs["trivision.capture.pool.in_use"]);
        Assert.Equal(3, longs["trivision.capture.pool.capacity"]);
        Assert.Equal(2, longs["trivision.capture.dropsslot"]);
        Assert.Equal(1, longs["trivision.capture.dropspool"]);
        Assert.Single(doubles);
        taken.Release();
        held.Release();
        held2.Release();
        FramePoolTests.AssertClean(pool);
    }

    private static bool HasCamera(ReadOnlySpan<KeyValuePair<string, object?>> tags, string camera, out string? reason)
    {
        bool match = false;
        reason = null;
        foreach (var t in tags)
        {
            if (t.Key == "camera" && (string?)t.Value == camera) match = true;
            if (t.Key == "reason") reason = (string?)t.Value;
        }
        return match;
    }
}
