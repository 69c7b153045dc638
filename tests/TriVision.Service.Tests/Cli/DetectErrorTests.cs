namespace TriVision.Service.Tests.Cli;

/// <summary>Each bad input: one clear line on stderr, nothing on stdout, the documented exit code, no stack trace.</summary>
public sealed class DetectErrorTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void AssertFails(int expectedCode, string expectedText, params string[] args)
    {
        var (code, stdout, stderr) = _cli.Run(args);
        Assert.True(expectedCode == code, $"exit {code}, stderr: {stderr}");
        Assert.Equal("", stdout);
        Assert.Contains(expectedText, stderr);
        Assert.StartsWith("trivision: error: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        // One error line, plus at most the pointer to --help for usage errors.
        int lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(lines <= (expectedCode == 1 ? 3 : 1), stderr);
    }

    [Fact]
    public void Missing_model() =>
        AssertFails(2, "model not found: ", "detect", "--model", _cli.Path_("nope.onnx"), "--source", _cli.WriteJpeg("a.jpg", 8, 8));

    [Fact]
    public void Missing_source() =>
        AssertFails(2, "source not found: ", "detect", "--model", _cli.ModelPath, "--source", _cli.Path_("nowhere.jpg"));

    [Fact]
    public void Missing_labels_file() =>
        AssertFails(2, "labels file not found: ", "detect", "--model", _cli.ModelPath, "--source", _cli.WriteJpeg("a.jpg", 8, 8), "--labels", _cli.Path_("l.txt"));

    [Fact]
    public void Unsupported_file_type()
    {
        string text = _cli.Path_("notes.txt");
        File.WriteAllText(text, "hello");
        AssertFails(3, "unsupported source", "detect", "--model", _cli.ModelPath, "--source", text);
    }

    [Fact]
    public void Unsupported_uri_scheme() =>
        AssertFails(3, "ftp://127.0.0.1/cam", "detect", "--model", _cli.ModelPath, "--source", "ftp://127.0.0.1/cam");

    [Fact]
    public void Dead_rtsp_url_is_a_clear_error()
    {
        // Nothing listens on this loopback port: the capture layer reports a fault before any frame.
        int port = TriVision.Testing.LoopbackPort.Free();
        AssertFails(3, "Connection refused", "detect", "--model", _cli.ModelPath, "--source", $"rtsp://127.0.0.1:{port}/cam");
    }

    [Fact]
    public void Bad_simulator_option_names_the_key() =>
        AssertFails(3, "bogus", "detect", "--model", _cli.ModelPath, "--source", "simulator?bogus=1");

    [Fact]
    public void Corrupt_image()
    {
        string bad = _cli.Path_("bad.jpg");
        File.WriteAllBytes(bad, [0xFF, 0xD8, 0xFF, 0xDB, 0, 0, 0, 0, 9, 9, 9]);
        AssertFails(3, "cannot read image", "detect", "--model", _cli.ModelPath, "--source", bad);
    }

    [Fact]
    public void Truncated_image()
    {
        string good = _cli.WriteJpeg("cut.jpg", 120, 90);
        byte[] bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(good, bytes[..(bytes.Length / 2)]);
        AssertFails(3, "corrupt or truncated JPEG", "detect", "--model", _cli.ModelPath, "--source", good);
    }

    [Fact]
    public void Text_file_named_jpg()
    {
        string fake = _cli.Path_("fake.jpg");
        File.WriteAllText(fake, "this is not a jpeg");
        AssertFails(3, "not a supported image", "detect", "--model", _cli.ModelPath, "--source", fake);
    }

    [Fact]
    public void Corrupt_video()
    {
        string fake = _cli.Path_("broken.mp4");
        File.WriteAllBytes(fake, new byte[4096]);
        AssertFails(3, "cannot read video", "detect", "--model", _cli.ModelPath, "--source", fake);
    }

    [Fact]
    public void Empty_folder()
    {
        Directory.CreateDirectory(_cli.Path_("empty"));
        AssertFails(3, "no images", "detect", "--model", _cli.ModelPath, "--source", _cli.Path_("empty"));
    }

    [Fact]
    public void Model_the_detector_cannot_load()
    {
        _cli.Factory = new TestDetectorFactory { FailWith = new InvalidDataException("protobuf parsing failed") };
        AssertFails(3, "cannot load model", "detect", "--model", _cli.ModelPath, "--source", _cli.WriteJpeg("a.jpg", 8, 8));
    }

    [Fact]
    public void Output_folder_equal_to_the_source_folder_is_refused()
    {
        _cli.WriteJpeg("src/a.jpg", 8, 8);
        AssertFails(1, "--out must not be the source folder", "detect", "--model", _cli.ModelPath, "--source", _cli.Path_("src"), "--out", _cli.Path_("src"));
    }

    [Theory]
    [InlineData("--conf", "1.5", "--conf must be between 0 and 1")]
    [InlineData("--iou", "-0.1", "--iou must be between 0 and 1")]
    [InlineData("--frames", "0", "--frames must be a positive number")]
    [InlineData("--provider", "opencl", "Argument 'opencl' not recognized. Must be one of: 'cpu' 'cuda' 'tensorrt' 'auto'")]
    public void Bad_option_values_are_usage_errors(string option, string value, string message) =>
        AssertFails(1, message, "detect", "--model", _cli.ModelPath, "--source", "x.jpg", option, value);

    [Fact]
    public void Missing_required_options_are_usage_errors() =>
        AssertFails(1, "--model", "detect", "--source", "x.jpg");

    [Fact]
    public void Unexpected_bug_is_one_line_with_exit_70()
    {
        _cli.Factory = new TestDetectorFactory { FailWith = new OutOfMemoryException("pretend") };
        var (code, stdout, stderr) = _cli.Run("detect", "--model", _cli.ModelPath, "--source", _cli.WriteJpeg("a.jpg", 8, 8));
        Assert.Equal(70, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("trivision: error: internal error (OutOfMemoryException)", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
