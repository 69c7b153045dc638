using System.Diagnostics;
using TriVision.Capture.Aravis;
using TriVision.Capture.Configuration;
using TriVision.Capture.Tests.Frames;
using TriVision.Capture.Tests.Support;
using TriVision.Core.Frames;
using TriVision.Core.Time;
using Xunit.Abstractions;

namespace TriVision.Capture.Tests.Aravis;

[Collection("Aravis")]
public sealed class GigEVisionSimulatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Capture_survives_the_camera_dying_and_coming_back()
    {
        using var camera = new FakeGvCamera();
        camera.Start();
        var options = new CameraSourceOptions
        {
            Source = $"genicam://{FakeGvCamera.DeviceId}",
            PixelFormat = "Mono8",
            FrameRate = 20,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        };
        options.Validate();
        using var source = new GenICamSource("gv", FakeGvCamera.DeviceId, options, new TestLogger(output));
        var events = new SourceEvents(source);
        source.Open();
        Assert.Equal(PixelFormat.Mono8, source.Format.PixelFormat);
        int threadsBefore = Process.GetCurrentProcess().Threads.Count;
        var sink = new CollectingSink();
        source.Start(sink);

        Assert.True(sink.WaitFor(10, TimeSpan.FromSeconds(20)), $"only {sink.Count} frames; faults: {events.Describe()}");
        foreach (var f in sink.Snapshot())
        {
            Assert.Equal(source.Format.BufferSize, f.Length);
            Assert.Equal(source.Format, f.Format);
        }
        Assert.False(events.FaultSeen.IsSet, events.Describe());

        // Kill the camera: a blind camera must be reported within 1.5 s (fault timeout 1 s).
        long killedAt = MonotonicClock.NowNs;
        camera.Kill();
        Assert.True(events.FaultSeen.Wait(TimeSpan.FromSeconds(10)), "no fault event after the camera died");
        var (faultAt, fault) = events.Faults.First();
        double faultAfterMs = (faultAt - killedAt) / 1e6;
        output.WriteLine($"fault after {faultAfterMs:0} ms: {fault.Message}");
        Assert.True(faultAfterMs <= 1500, $"fault reported after {faultAfterMs:0} ms");
        Assert.Contains(FakeGvCamera.DeviceId, fault.Message);

        // Restart it: the same source object resumes.
        int before = sink.Count;
        camera.Start();
        Assert.True(events.RecoverySeen.Wait(TimeSpan.FromSeconds(40)), $"no recovery; faults: {events.Describe()}");
        Assert.True(sink.WaitFor(before + 10, TimeSpan.FromSeconds(20)), "frames did not resume");
        source.Stop();

        FramePoolTests.AssertClean(source.Pool);
        Assert.Equal(0, source.BuffersInStream);
        Assert.True(source.Statistics.Completed > 0);
        output.WriteLine($"statistics {source.Statistics}, faults {source.FaultCount}");
        // The capture thread and the sessions' stream threads are gone (Aravis may keep a few of its own helpers).
        int threadsAfter = Process.GetCurrentProcess().Threads.Count;
        output.WriteLine($"threads before start {threadsBefore}, after stop {threadsAfter}");
        Assert.True(threadsAfter <= threadsBefore + 2, $"threads before start {threadsBefore}, after stop {threadsAfter}");
    }
}
