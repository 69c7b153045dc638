using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Frames;
using TriVision.Service.Cli;

namespace TriVision.Service.Tests.Cli;

/// <summary>Runs the real CLI entry point in-process over string writers, in a scratch folder.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness() => Folder = Directory.CreateTempSubdirectory("trivision-cli-").FullName;

    public string Folder { get; }

    public TestDetectorFactory Factory { get; set; } = new();

    public string ModelPath
    {
        get
        {
            string path = Path.Combine(Folder, "model.onnx");
            if (!File.Exists(path)) File.WriteAllBytes(path, [0x08, 0x07]); // the test factory never reads it
            return path;
        }
    }

    public (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new CliContext(stdout, stderr, Factory));
        return (code, stdout.ToString(), stderr.ToString());
    }

    public string Path_(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>Writes a smooth test JPEG of the given size.</summary>
    public string WriteJpeg(string relativePath, int width, int height)
    {
        string path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var format = new FrameFormat(width, height, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int o = y * format.Stride + x * 3;
                pixels[o] = (byte)(x * 255 / width);
                pixels[o + 1] = (byte)(y * 255 / height);
                pixels[o + 2] = 90;
            }
        using var encoder = new JpegEncoder();
        File.WriteAllBytes(path, encoder.Encode(pixels, format, 90).ToArray());
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
