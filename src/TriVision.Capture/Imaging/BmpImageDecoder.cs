using System.Buffers.Binary;
using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>Uncompressed Windows bitmaps, 24 or 32 bits per pixel, bottom-up or top-down.</summary>
public sealed class BmpImageDecoder : IImageDecoder
{
    public string Name => "BMP";

    public bool CanDecode(ReadOnlySpan<byte> signature) => signature.Length >= 2 && signature[0] == (byte)'B' && signature[1] == (byte)'M';

    public IReadOnlyList<string> Extensions { get; } = [".bmp"];

    public (int Width, int Height) ReadSize(ReadOnlySpan<byte> file)
    {
        var h = ReadHeader(file);
        return (h.Width, h.Height);
    }

    public void Decode(ReadOnlySpan<byte> file, Span<byte> destination, in FrameFormat format)
    {
        var h = ReadHeader(file);
        int bytesPerPixel = h.Bits / 8;
        int rowSize = (h.Width * bytesPerPixel + 3) & ~3;
        if (file.Length < h.DataOffset + rowSize * h.Height)
            throw new FrameSourceException($"BMP image is truncated: {file.Length} bytes, {h.DataOffset + rowSize * h.Height} expected.");
        for (int y = 0; y < h.Height; y++)
        {
            int srcRow = h.TopDown ? y : h.Height - 1 - y;
            var src = file.Slice(h.DataOffset + srcRow * rowSize, h.Width * bytesPerPixel);
            var dst = destination.Slice(y * format.Stride, format.Stride);
            if (bytesPerPixel == 3 && format.PixelFormat == PixelFormat.Bgr8) { src.CopyTo(dst); continue; }
            for (int x = 0; x < h.Width; x++)
            {
                int o = x * bytesPerPixel;
                PixelWriter.Write(dst, x, src[o + 2], src[o + 1], src[o], format.PixelFormat);
            }
        }
    }

    private readonly record struct Header(int Width, int Height, bool TopDown, int Bits, int DataOffset);

    private static Header ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < 54 || file[0] != (byte)'B' || file[1] != (byte)'M')
            throw new FrameSourceException("Not a BMP image (expected a BM header).");
        int dataOffset = BinaryPrimitives.ReadInt32LittleEndian(file[10..]);
        int width = BinaryPrimitives.ReadInt32LittleEndian(file[18..]);
        int height = BinaryPrimitives.ReadInt32LittleEndian(file[22..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(file[28..]);
        int compression = BinaryPrimitives.ReadInt32LittleEndian(file[30..]);
        if (bits is not (24 or 32) || compression is not (0 or 3))
            throw new FrameSourceException($"BMP with {bits} bits per pixel and compression {compression} is not supported; only uncompressed 24/32-bit.");
        if (width <= 0 || height == 0) throw new FrameSourceException($"BMP has an invalid size {width}x{height}.");
        return new Header(width, Math.Abs(height), height < 0, bits, dataOffset);
    }
}
