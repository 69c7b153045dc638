using TriVision.Core.Frames;

namespace TriVision.Service.Cli.Detect;

/// <summary>One decoded BGR8 frame from a detect source; the pixels belong to the source and are valid until its next read.</summary>
internal readonly ref struct SourceFrame
{
    public SourceFrame(string sourceName, string outputStem, FrameFormat format, Span<byte> pixels)
    {
        SourceName = sourceName;
        OutputStem = outputStem;
        Format = format;
        Pixels = pixels;
    }

    /// <summary>The file the frame came from (the image, or the video).</summary>
    public string SourceName { get; }

    /// <summary>File name (without extension) for this frame's annotated JPEG.</summary>
    public string OutputStem { get; }

    public FrameFormat Format { get; }

    public Span<byte> Pixels { get; }
}
