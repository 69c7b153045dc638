using TriVision.Core.Frames;

namespace TriVision.Capture.Folder;

/// <summary>
/// Decodes one still-image file format into a frame buffer. Built in: PPM/PGM and BMP; JPEG and
/// PNG decoders plug in through this interface (<see cref="ImageDecoders.Add"/>).
/// </summary>
public interface IImageDecoder
{
    /// <summary>File extensions this decoder reads, lower case with the dot (".ppm").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads the image size from the header; throws <see cref="FrameSourceException"/> when the file is not this format or is damaged.</summary>
    (int Width, int Height) ReadSize(ReadOnlySpan<byte> file);

    /// <summary>Decodes into <paramref name="destination"/> laid out as <paramref name="format"/> (Bgr8, Rgb8 or Mono8; same size as the image).</summary>
    void Decode(ReadOnlySpan<byte> file, Span<byte> destination, FrameFormat format);
}
