using TriVision.Core.Frames;
using TriVision.Capture.Configuration;
using TriVision.Capture.FFmpeg;
using TriVision.Capture.Aravis;
using TriVision.Capture.Sources;

namespace TriVision.Capture.Tests.Sources;

public sealed class SourceUriTests
{
    [Theory]
    [InlineData("genicam://Aravis-Fake-GV01", SourceKind.GenICam, "Aravis-Fake-GV01")]
    [InlineData("genicam://", SourceKind.GenICam, null)]
    [InlineData("rtsp://user:pw@10.0.0.5:554/stream1", SourceKind.Rtsp, "rtsp://user:pw@10.0.0.5:554/stream1")]
    [InlineData("http://127.0.0.1:8080/video.mjpg", SourceKind.Http, "http://127.0.0.1:8080/video.mjpg")]
    [InlineData("v4l2:///dev/video2", SourceKind.V4l2, "/dev/video2")]
    [InlineData("file:/data/belt.mp4", SourceKind.File, "/data/belt.mp4")]
    [InlineData("file:///data/belt.mp4", SourceKind.File, "/data/belt.mp4")]
    [InlineData("file:clips/a b.mp4", SourceKind.File, "clips/a b.mp4")]
    [InlineData("/data/belt.mp4", SourceKind.File, "/data/belt.mp4")]
    [InlineData("folder:/data/frames", SourceKind.Folder, "/data/frames")]
    [InlineData("simulator", SourceKind.Simulator, "")]
    [InlineData("simulator?fps=30&objects=5", SourceKind.Simulator, "fps=30&objects=5")]
    public void Parses_every_documented_form(string uri, SourceKind kind, string? target)
    {
        var parsed = SourceUri.Parse(uri);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(target, parsed.Target);
    }

    [Theory]
    [InlineData("ftp://host/x", "scheme 'ftp'")]
    [InlineData("", "empty")]
    [InlineData("v4l2:video0", "v4l2:///dev/videoN")]
    public void Rejects_unknown_forms_with_the_allowed_list(string uri, string expected)
    {
        var ex = Assert.Throws<CaptureConfigurationException>(() => SourceUri.Parse(uri));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Factory_builds_the_right_source_types()
    {
        Assert.IsType<GenICamSource>(FrameSourceFactory.Create("genicam://Fake_1"));
        var rtsp = Assert.IsType<FFmpegSource>(FrameSourceFactory.Create("rtsp://127.0.0.1:8554/x"));
        Assert.Equal(FFmpegInputKind.Rtsp, rtsp.Kind);
        Assert.Equal(FFmpegInputKind.Http, Assert.IsType<FFmpegSource>(FrameSourceFactory.Create("http://127.0.0.1/x.mjpg")).Kind);
        Assert.Equal(FFmpegInputKind.V4l2, Assert.IsType<FFmpegSource>(FrameSourceFactory.Create("v4l2:///dev/video0")).Kind);
        Assert.IsType<RenderedFrameSource>(FrameSourceFactory.Create("folder:" + Path.GetTempPath()));
        var sim = Assert.IsType<RenderedFrameSource>(FrameSourceFactory.Create("simulator?fps=10"));
        Assert.Equal(10, sim.Options.FrameRate); // a simulated camera runs in real time by default
        var bad = Assert.Throws<CaptureConfigurationException>(() => FrameSourceFactory.Create("simulator?fps=abc"));
        Assert.Contains("fps", bad.Message);
    }

    [Theory]
    [InlineData("simulator?seed=5&width=160&height=90", 15.0, 1.0 / 15)]     // camera rate sets the simulated step
    [InlineData("simulator?seed=5&width=160&height=90&fps=30", 15.0, 1.0 / 30)] // an explicit fps wins (slow motion)
    public void Simulated_time_step_follows_the_camera_frame_rate(string uri, double frameRate, double expectedStepS)
    {
        using var source = FrameSourceFactory.Create(uri, new CameraSourceOptions { FrameRate = frameRate });
        using var slot = new LatestFrameSlot(source.CameraId, capacity: 4);
        source.Open();
        source.Start(slot);
        var first = slot.DequeueAsync().AsTask().GetAwaiter().GetResult()!;
        var second = slot.DequeueAsync().AsTask().GetAwaiter().GetResult()!;
        double stepS = (second.DeviceTimestampNs - first.DeviceTimestampNs) / 1e9 / (second.DeviceFrameId - first.DeviceFrameId);
        first.Release();
        second.Release();
        source.Stop();
        slot.ReleaseAll();
        Assert.Equal(expectedStepS, stepS, 6);
    }

    [Fact]
    public void Simulator_source_delivers_rendered_frames_and_returns_its_buffers()
    {
        using var source = FrameSourceFactory.Create("simulator?seed=5&width=320&height=180&fps=200");
        using var slot = new LatestFrameSlot(source.CameraId, capacity: 2);
        source.Open();
        Assert.Equal(new FrameFormat(320, 180, PixelFormat.Bgr8), source.Format);
        source.Start(slot);
        var frame = slot.DequeueAsync().AsTask().GetAwaiter().GetResult();
        Assert.NotNull(frame);
        bool anyNonZero = false;
        foreach (byte b in frame!.Span) if (b != 0) { anyNonZero = true; break; }
        Assert.True(anyNonZero, "the simulator rendered nothing into the pool buffer");
        frame.Release();
        source.Stop();
        slot.ReleaseAll();
        Assert.Equal(0, source.Pool.InUse);
    }

    [Fact]
    public void Invalid_options_name_the_key_value_and_what_is_allowed()
    {
        var bad = new CameraSourceOptions { Name = "line1", Source = "genicam://", PixelFormat = "YUV422" };
        var ex = Assert.Throws<CaptureConfigurationException>(() => FrameSourceFactory.Create(bad));
        Assert.Contains("Cameras:line1:PixelFormat = 'YUV422'", ex.Message);
        Assert.Contains("BayerRG8", ex.Message);

        var missing = Assert.Throws<CaptureConfigurationException>(() => FrameSourceFactory.Create("file:/no/such/file.mp4"));
        Assert.Contains("/no/such/file.mp4", missing.Message);

        var bayer = Assert.Throws<CaptureConfigurationException>(() => FrameSourceFactory.Create("rtsp://127.0.0.1/x", new CameraSourceOptions { PixelFormat = "BayerRG8" }));
        Assert.Contains("Bgr8, Rgb8, Mono8", bayer.Message);

        var transport = Assert.Throws<CaptureConfigurationException>(() => FrameSourceFactory.Create("rtsp://127.0.0.1/x", new CameraSourceOptions { RtspTransport = "sctp" }));
        Assert.Contains("RtspTransport = 'sctp'", transport.Message);
    }
}
