using System.Buffers.Binary;
using TriVision.Core.Frames;
using TriVision.Core.Imaging;

namespace TriVision.Capture.Imaging;

/// <summary>PNG files through the managed decoder in Core (datasets written by the simulator are PNG).</summary>
public sealed class PngImageDecoder : IImageDecoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public string Name => "PNG";

    public IReadOnlyList<string> Extensions { get; } = [".png"];

    public bool CanDecode(ReadOnlySpan<byte> signature) => signature.StartsWith(Signature);

    // IHDR is always the first chunk: signature (8), length (4), "IHDR" (4), width (4), height (4).
    public (int Width, int Height) ReadSize(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length < 24 || !encoded.Slice(12, 4).SequenceEqual("IHDR"u8))
            throw new PngFormatException("PNG stream has no IHDR chunk where the format puts it.");
        return (BinaryPrimitives.ReadInt32BigEndian(encoded[16..]), BinaryPrimitives.ReadInt32BigEndian(encoded[20..]));
    }

    public void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination, in FrameFormat format)
    {
        var image = PngDecoder.Decode(encoded, format.PixelFormat);
        if (image.Width != format.Width || image.Height != format.Height)
            throw new PngFormatException($"PNG holds {image.Width}x{image.Height}, header said {format.Width}x{format.Height}.");
        int row = format.Width * format.PixelFormat.BytesPerPixel();
        for (int y = 0; y < format.Height; y++)
            image.Pixels.AsSpan(y * row, row).CopyTo(destination.Slice(y * format.Stride, row));
    }
}
