using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>
/// One still-image codec the <see cref="ImageFileReader"/> can use. JPEG comes from libturbojpeg;
/// other formats (PNG, BMP) plug in by implementing this and passing it to the reader.
/// </summary>
public interface IImageDecoder
{
    /// <summary>Short name used in messages, e.g. "JPEG".</summary>
    string Name { get; }

    /// <summary>Lower-case file extensions with the dot, e.g. ".jpg"; used to pick images out of a folder.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>True when the first bytes of a file carry this format's signature.</summary>
    bool CanDecode(ReadOnlySpan<byte> signature);

    /// <summary>Width and height from the encoded bytes.</summary>
    (int Width, int Height) ReadSize(ReadOnlySpan<byte> encoded);

    /// <summary>Decodes into <paramref name="destination"/> laid out as <paramref name="format"/> (same size as the image).</summary>
    void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination, in FrameFormat format);
}
