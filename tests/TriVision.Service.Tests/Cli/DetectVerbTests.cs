using System.Diagnostics;
using System.Text.Json;
using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Frames;

namespace TriVision.Service.Tests.Cli;

public sealed class DetectVerbTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static List<JsonElement> JsonLines(string stdout)
    {
        var lines = new List<JsonElement>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        return lines;
    }

    private static byte[] DecodeBgr(string jpegPath, out FrameFormat format)
    {
        byte[] jpeg = File.ReadAllBytes(jpegPath);
        using var decoder = new JpegDecoder();
        var info = decoder.ReadHeader(jpeg);
        format = new FrameFormat(info.Width, info.Height, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        decoder.Decode(jpeg, pixels, format);
        return pixels;
    }

    [Fact]
    public void Image_gives_one_json_line_with_boxes_in_source_pixels_and_an_annotated_jpeg()
    {
        string image = _cli.WriteJpeg("in/belt.jpg", 320, 200);
        string outDir = _cli.Path_("out");
        var (code, stdout, stderr) = _cli.Run("detect", "--model", _cli.ModelPath, "--source", image, "--out", outDir);

        Assert.True(code == 0, stderr);
        var lines = JsonLines(stdout);
        var frame = Assert.Single(lines);
        Assert.Equal(image, frame.GetProperty("source").GetString());
        Assert.Equal(0, frame.GetProperty("frame").GetInt32());
        Assert.Equal(320, frame.GetProperty("width").GetInt32());
        Assert.Equal(200, frame.GetProperty("height").GetInt32());
        var detections = frame.GetProperty("detections");
        Assert.Equal(2, detections.GetArrayLength());
        var battery = detections[0];
        Assert.Equal("battery", battery.GetProperty("class").GetString());
        Assert.Equal(1, battery.GetProperty("class_id").GetInt32());
        Assert.Equal(0.91, battery.GetProperty("score").GetDouble(), 3);
        double[] box = [.. battery.GetProperty("box").EnumerateArray().Select(v => v.GetDouble())];
        Assert.Equal([16.0, 60.0, 112.0, 180.0], box);
        Assert.Equal("plastic_bottle", detections[1].GetProperty("class").GetString());
        foreach (var stage in new[] { "read", "detect", "annotate", "total" })
            Assert.True(frame.GetProperty("latency_ms").GetProperty(stage).GetDouble() >= 0);

        // The annotated frame: the battery box edge is hazard red, the frame centre is untouched.
        string annotated = Path.Combine(outDir, "belt.jpg");
        Assert.True(File.Exists(annotated));
        var pixels = DecodeBgr(annotated, out var format);
        Assert.Equal(320, format.Width);
        int edge = 120 * format.Stride + 17 * 3;
        Assert.True(pixels[edge + 2] > 180 && pixels[edge + 1] < 80 && pixels[edge] < 80, $"BGR {pixels[edge]},{pixels[edge + 1]},{pixels[edge + 2]}");
        int centre = 120 * format.Stride + 60 * 3;
        Assert.True(pixels[centre + 2] < 150, "the inside of the box must not be painted");

        Assert.True(_cli.Factory.LastDetector!.Disposed);
        Assert.Contains("1 frame(s), 2 detection(s)", stderr);
    }

    [Fact]
    public void Folder_gives_one_line_per_image_in_name_order_and_respects_frames()
    {
        _cli.WriteJpeg("imgs/b.jpg", 64, 48);
        _cli.WriteJpeg("imgs/a.jpeg", 80, 60);
        _cli.WriteJpeg("imgs/c.JPG", 32, 32);
        File.WriteAllText(_cli.Path_("imgs", "readme.txt"), "not an image");
        string outDir = _cli.Path_("annotated");

        var (code, stdout, stderr) = _cli.Run("detect", "-m", _cli.ModelPath, "-s", _cli.Path_("imgs"), "-o", outDir);
        Assert.True(code == 0, stderr);
        var lines = JsonLines(stdout);
        Assert.Equal(3, lines.Count);
        Assert.Equal([0, 1, 2], lines.Select(l => l.GetProperty("frame").GetInt32()));
        Assert.Equal(["a.jpeg", "b.jpg", "c.JPG"], lines.Select(l => Path.GetFileName(l.GetProperty("source").GetString()!)));
        Assert.Equal([80, 64, 32], lines.Select(l => l.GetProperty("width").GetInt32()));
        Assert.Equal(["a.jpg", "b.jpg", "c.jpg"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        (code, stdout, _) = _cli.Run("detect", "-m", _cli.ModelPath, "-s", _cli.Path_("imgs"), "--frames", "2");
        Assert.Equal(0, code);
        Assert.Equal(2, JsonLines(stdout).Count);
    }

    [Fact]
    public void A_corrupt_image_in_a_folder_is_skipped_reported_and_fails_the_run()
    {
        _cli.WriteJpeg("mixed/1.jpg", 40, 30);
        File.WriteAllBytes(_cli.Path_("mixed", "2.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        _cli.WriteJpeg("mixed/3.jpg", 40, 30);

        var (code, stdout, stderr) = _cli.Run("detect", "-m", _cli.ModelPath, "-s", _cli.Path_("mixed"));
        Assert.Equal(3, code);
        Assert.Equal(2, JsonLines(stdout).Count);
        Assert.Contains("2.jpg", stderr);
        Assert.Contains("1 image(s) could not be read", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Video_is_decoded_by_ffmpeg_frame_by_frame()
    {
        string video = _cli.Path_("clip.mp4");
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-frames:v", "6", "-pix_fmt", "yuv420p", video]))!;
        ffmpeg.WaitForExit();
        Assert.Equal(0, ffmpeg.ExitCode);

        var (code, stdout, stderr) = _cli.Run("detect", "-m", _cli.ModelPath, "-s", video, "-o", _cli.Path_("vout"));
        Assert.True(code == 0, stderr);
        var lines = JsonLines(stdout);
        Assert.Equal(6, lines.Count);
        Assert.All(lines, l => Assert.Equal(160, l.GetProperty("width").GetInt32()));
        Assert.Equal(5, lines[^1].GetProperty("frame").GetInt32());
        Assert.True(File.Exists(_cli.Path_("vout", "clip_000005.jpg")));

        (code, stdout, _) = _cli.Run("detect", "-m", _cli.ModelPath, "-s", video, "--frames", "3");
        Assert.Equal(0, code);
        Assert.Equal(3, JsonLines(stdout).Count);
    }

    [Fact]
    public void Options_reach_the_detector_factory()
    {
        string labels = _cli.Path_("labels.txt");
        File.WriteAllText(labels, "a\nb\n");
        var (code, _, stderr) = _cli.Run("detect", "--model", _cli.ModelPath, "--source", _cli.WriteJpeg("x.jpg", 16, 16),
            "--provider", "cpu", "--strict", "--labels", labels, "--conf", "0.5", "--iou", "0.6");
        Assert.True(code == 0, stderr);
        var options = _cli.Factory.LastOptions!;
        Assert.Equal(_cli.ModelPath, options.ModelPath);
        Assert.Equal("cpu", options.Provider);
        Assert.True(options.Strict);
        Assert.Equal(labels, options.LabelsPath);
        Assert.Equal(0.5f, options.ConfidenceThreshold);
        Assert.Equal(0.6f, options.IouThreshold);
    }

    [Fact]
    public void Defaults_are_auto_provider_not_strict_and_the_documented_thresholds()
    {
        var (code, _, _) = _cli.Run("detect", "--model", _cli.ModelPath, "--source", _cli.WriteJpeg("x.jpg", 16, 16));
        Assert.Equal(0, code);
        var options = _cli.Factory.LastOptions!;
        Assert.Equal("auto", options.Provider);
        Assert.False(options.Strict);
        Assert.Null(options.LabelsPath);
        Assert.Equal(0.25f, options.ConfidenceThreshold);
        Assert.Equal(0.45f, options.IouThreshold);
    }
}

public sealed class FixtureImageTests
{
    [Fact]
    public void The_demo_fixture_images_decode_and_run_through_detect()
    {
        using var cli = new CliHarness();
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "images");
        var (code, stdout, stderr) = cli.Run("detect", "--model", cli.ModelPath, "--source", fixtures, "--out", cli.Path_("out"));
        Assert.True(code == 0, stderr);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(3, Directory.GetFiles(cli.Path_("out"), "*.jpg").Length);
    }
}

public sealed class ProgressTests
{
    [Fact]
    public void Progress_on_an_interactive_stderr_never_reaches_stdout()
    {
        using var cli = new CliHarness();
        for (int i = 0; i < 4; i++) cli.WriteJpeg($"f/{i}.jpg", 32, 24);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["detect", "-m", cli.ModelPath, "-s", cli.Path_("f")],
            new Service.Cli.CliContext(stdout, stderr, cli.Factory, interactiveError: true));
        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"source\":", l));
        Assert.Contains("100%", stderr.ToString());
    }
}
