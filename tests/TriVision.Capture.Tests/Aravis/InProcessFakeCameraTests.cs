using TriVision.Capture.Aravis;
using TriVision.Capture.Configuration;
using TriVision.Capture.Tests.Frames;
using TriVision.Capture.Tests.Support;
using TriVision.Core.Frames;
using Xunit.Abstractions;

namespace TriVision.Capture.Tests.Aravis;

[Collection("Aravis")]
public sealed class InProcessFakeCameraTests(ITestOutputHelper output)
{
    [Fact]
    public void Frames_arrive_with_the_requested_size_and_format_and_buffers_return()
    {
        var options = new CameraSourceOptions { Source = "genicam://Fake_1", Width = 640, Height = 480, PixelFormat = "Mono8", FrameRate = 50, ExposureUs = 5000, GainDb = 1 };
        options.Validate();
        using var source = new GenICamSource("fake", "Fake_1", options, new TestLogger(output));
        source.Open();
        Assert.Equal(new FrameFormat(640, 480, PixelFormat.Mono8), source.Format);
        var sink = new CollectingSink();
        source.Start(sink);
        Assert.True(sink.WaitFor(20, TimeSpan.FromSeconds(20)), $"only {sink.Count} frames");
        source.Stop();

        var frames = sink.Snapshot();
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(i, frames[i].Sequence);
            Assert.Equal(640 * 480, frames[i].Length);
            Assert.Equal(source.Format, frames[i].Format);
            if (i > 0)
            {
                Assert.True(frames[i].DeviceFrameId > frames[i - 1].DeviceFrameId);
                Assert.True(frames[i].CaptureNs >= frames[i - 1].CaptureNs);
            }
        }
        Assert.Equal(0, source.BuffersInStream);
        FramePoolTests.AssertClean(source.Pool);
        Assert.True(source.Statistics.Completed >= 20, $"stream statistics: {source.Statistics}");
        output.WriteLine($"statistics {source.Statistics}");
    }

    [Fact]
    public void Frames_held_by_the_pipeline_are_not_overwritten_and_come_back_after_release()
    {
        var options = new CameraSourceOptions { Source = "genicam://Fake_1", Width = 320, Height = 240, FrameRate = 100, PoolSize = 10, StreamBuffers = 4 };
        using var source = new GenICamSource("fake", "Fake_1", options, new TestLogger(output));
        var slot = new LatestFrameSlot("fake", 2);
        source.Start(slot);
        var held = new List<Frame>();
        var copies = new List<byte[]>();
        while (held.Count < 3)
        {
            var frame = slot.DequeueAsync().AsTask().GetAwaiter().GetResult()!;
            held.Add(frame);
            copies.Add(frame.Span.ToArray());
        }
        // While the pipeline holds them, the camera keeps writing into other buffers only.
        var sink = new CollectingSink();
        Thread.Sleep(300);
        for (int i = 0; i < held.Count; i++)
            Assert.True(held[i].Span.SequenceEqual(copies[i]), $"held frame {i} was overwritten");
        foreach (var f in held) f.Release();
        source.Stop();
        slot.Complete();
        FramePoolTests.AssertClean(source.Pool);
    }

    [Fact]
    public void Unknown_camera_id_is_a_clear_error()
    {
        var options = new CameraSourceOptions { Source = "genicam://No-Such-Camera" };
        using var source = new GenICamSource("x", "No-Such-Camera", options, new TestLogger(output));
        var ex = Assert.Throws<FrameSourceException>(source.Open);
        Assert.Contains("No-Such-Camera", ex.Message);
        Assert.Contains("not found", ex.Message);
    }
}
