using TriVision.Capture.Tests.Support;

namespace TriVision.Capture.Tests.FFmpeg;

/// <summary>A 4 s, 25 fps, 320x240 test pattern (100 frames) made with ffmpeg's testsrc, and a truncated copy.</summary>
public sealed class GeneratedVideo : IDisposable
{
    public const int Frames = 100;
    public const int Width = 320;
    public const int Height = 240;

    public GeneratedVideo()
    {
        Directory = Path.Combine(Path.GetTempPath(), "trivision-capture-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path4s = Path.Combine(Directory, "testsrc.mp4");
        FFmpegTool.Run("-f", "lavfi", "-i", $"testsrc=size={Width}x{Height}:rate=25", "-t", "4", "-c:v", "mpeg4", "-q:v", "5", "-g", "25", Path4s);
        // Cut in the middle: an mp4 written without faststart keeps its index (moov) at the end.
        TruncatedPath = Path.Combine(Directory, "truncated.mp4");
        var bytes = File.ReadAllBytes(Path4s);
        File.WriteAllBytes(TruncatedPath, bytes[..(bytes.Length / 2)]);
    }

    public string Directory { get; }
    public string Path4s { get; }
    public string TruncatedPath { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
