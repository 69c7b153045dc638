using TriVision.Capture.Configuration;
using TriVision.Capture.FFmpeg;
using TriVision.Capture.Tests.Frames;
using TriVision.Capture.Tests.Support;
using TriVision.Core.Frames;
using Xunit.Abstractions;

namespace TriVision.Capture.Tests.FFmpeg;

public sealed class FFmpegSourceTests(GeneratedVideo video, ITestOutputHelper output) : IClassFixture<GeneratedVideo>
{
    [Fact]
    public void Generated_file_delivers_every_frame_then_completes()
    {
        var options = new CameraSourceOptions { Source = video.Path4s, NativeRate = false };
        using var source = new FFmpegSource("file", FFmpegInputKind.File, video.Path4s, options, new TestLogger(output));
        var events = new SourceEvents(source);
        var sink = new CollectingSink();
        source.Start(sink);
        Assert.True(events.CompletedSeen.Wait(TimeSpan.FromSeconds(60)), $"not completed; faults: {events.Describe()}");
        source.Stop();
        Assert.Empty(events.Faults);
        Assert.Equal(new FrameFormat(GeneratedVideo.Width, GeneratedVideo.Height, PixelFormat.Bgr8), source.Format);
        var frames = sink.Snapshot();
        Assert.Equal(GeneratedVideo.Frames, frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(i, frames[i].Sequence);
            Assert.Equal(GeneratedVideo.Width * GeneratedVideo.Height * 3, frames[i].Length);
        }
        Assert.Equal(GeneratedVideo.Width * GeneratedVideo.Height * 3, source.BytesCopiedPerFrame);
        Assert.Equal(FrameSourceState.Stopped, source.State);
        FramePoolTests.AssertClean(source.Pool);
    }

    [Fact]
    public void Configured_size_and_gray_output_are_applied()
    {
        var options = new CameraSourceOptions { Source = video.Path4s, NativeRate = false, Width = 160, Height = 120, PixelFormat = "Mono8", FrameRate = 5 };
        options.Validate();
        using var source = new FFmpegSource("file", FFmpegInputKind.File, video.Path4s, options, new TestLogger(output));
        source.Open();
        Assert.Equal(new FrameFormat(160, 120, PixelFormat.Mono8), source.Format);
        var events = new SourceEvents(source);
        var sink = new CollectingSink();
        source.Start(sink);
        Assert.True(events.CompletedSeen.Wait(TimeSpan.FromSeconds(60)), events.Describe());
        source.Stop();
        Assert.InRange(sink.Count, 19, 21); // 4 s at 5 fps
        Assert.All(sink.Snapshot(), f => Assert.Equal(160 * 120, f.Length));
        FramePoolTests.AssertClean(source.Pool);
    }

    [Fact]
    public void Truncated_file_is_a_fault_event_with_ffmpegs_explanation()
    {
        var options = new CameraSourceOptions { Source = video.TruncatedPath, NativeRate = false };
        using var source = new FFmpegSource("cut", FFmpegInputKind.File, video.TruncatedPath, options, new TestLogger(output));
        var events = new SourceEvents(source);
        var sink = new CollectingSink();
        source.Start(sink); // must not throw: failures are events
        Assert.True(events.FaultSeen.Wait(TimeSpan.FromSeconds(30)), "no fault");
        source.Stop();
        var message = events.Faults.First().Args.Message;
        output.WriteLine(message);
        Assert.Contains("truncated.mp4", message);
        Assert.Contains("moov atom not found", message);
        Assert.Single(events.Faults); // a broken file is not retried
        Assert.Equal(0, source.PoolOrNull?.InUse ?? 0);
    }

    [Fact]
    public void Dead_url_is_a_fault_event_and_is_retried()
    {
        int port = TriVision.Testing.LoopbackPort.Free();
        string url = $"rtsp://127.0.0.1:{port}/nothing";
        var options = new CameraSourceOptions { Source = url, ReconnectMinDelay = TimeSpan.FromMilliseconds(100), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) };
        using var source = new FFmpegSource("dead", FFmpegInputKind.Rtsp, url, options, new TestLogger(output));
        var events = new SourceEvents(source);
        int fdsBefore = Directory.GetFiles("/proc/self/fd").Length;
        source.Start(new CollectingSink());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (events.Faults.Count < 5 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        source.Stop();
        Assert.True(events.Faults.Count >= 5, $"faults: {events.Describe()}");
        // Five failed sessions leave no pipes or process handles behind.
        int fdsAfter = Directory.GetFiles("/proc/self/fd").Length;
        Assert.True(fdsAfter <= fdsBefore + 2, $"file descriptors before {fdsBefore}, after {fdsAfter}");
        var message = events.Faults.First().Args.Message;
        output.WriteLine(message);
        Assert.Contains(url, message);
        Assert.Contains("refused", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rtsp_stream_on_loopback_is_captured()
    {
        int port = TriVision.Testing.LoopbackPort.Free();
        string url = $"rtsp://127.0.0.1:{port}/belt";
        // TriVision listens (-rtsp_flags listen); an ffmpeg "camera" pushes the test video to it.
        var options = new CameraSourceOptions { Source = url, RtspListen = true, RtspTransport = "tcp", StartTimeout = TimeSpan.FromSeconds(20) };
        options.Validate();
        using var source = new FFmpegSource("rtsp", FFmpegInputKind.Rtsp, url, options, new TestLogger(output));
        var events = new SourceEvents(source);
        var sink = new CollectingSink();
        source.Start(sink);
        System.Diagnostics.Process? publisher = null;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!sink.WaitFor(20, TimeSpan.FromSeconds(1)) && DateTime.UtcNow < deadline)
            {
                if (publisher is null || publisher.HasExited)
                {
                    publisher?.Dispose();
                    publisher = FFmpegTool.Start("-re", "-stream_loop", "-1", "-i", video.Path4s, "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp", url);
                }
            }
            Assert.True(sink.Count >= 20, $"{sink.Count} frames; faults: {events.Describe()}");
        }
        finally
        {
            source.Stop();
            if (publisher is { HasExited: false }) publisher.Kill();
            publisher?.Dispose();
        }
        Assert.Equal(new FrameFormat(GeneratedVideo.Width, GeneratedVideo.Height, PixelFormat.Bgr8), source.Format);
        FramePoolTests.AssertClean(source.Pool);
    }

    [Fact]
    public void Http_mjpeg_stream_on_loopback_is_captured()
    {
        int port = TriVision.Testing.LoopbackPort.Free();
        string url = $"http://127.0.0.1:{port}/cam.mjpg";
        // An ffmpeg "IP camera" serving multipart MJPEG over HTTP on loopback.
        using var server = FFmpegTool.Start("-re", "-stream_loop", "-1", "-i", video.Path4s, "-c:v", "mjpeg", "-q:v", "5", "-f", "mpjpeg", "-listen", "1", url);
        var options = new CameraSourceOptions { Source = url, ReconnectMinDelay = TimeSpan.FromMilliseconds(200), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) };
        using var source = new FFmpegSource("mjpeg", FFmpegInputKind.Http, url, options, new TestLogger(output));
        var events = new SourceEvents(source);
        var sink = new CollectingSink();
        try
        {
            source.Start(sink); // the server may not listen yet: the source retries
            Assert.True(sink.WaitFor(20, TimeSpan.FromSeconds(30)), $"{sink.Count} frames; faults: {events.Describe()}");
        }
        finally
        {
            source.Stop();
            if (!server.HasExited) server.Kill();
        }
        Assert.Equal(new FrameFormat(GeneratedVideo.Width, GeneratedVideo.Height, PixelFormat.Bgr8), source.Format);
        FramePoolTests.AssertClean(source.Pool);
    }
}
