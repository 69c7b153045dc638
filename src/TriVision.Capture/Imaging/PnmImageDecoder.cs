using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>Netpbm binary images: P6 (PPM, RGB) and P5 (PGM, gray), 8 bits per sample.</summary>
public sealed class PnmImageDecoder : IImageDecoder
{
    public string Name => "PNM";

    public bool CanDecode(ReadOnlySpan<byte> signature) => signature.Length >= 2 && signature[0] == (byte)'P' && (signature[1] == (byte)'5' || signature[1] == (byte)'6');

    public IReadOnlyList<string> Extensions { get; } = [".ppm", ".pgm", ".pnm"];

    public (int Width, int Height) ReadSize(ReadOnlySpan<byte> file)
    {
        var h = ReadHeader(file);
        return (h.Width, h.Height);
    }

    public void Decode(ReadOnlySpan<byte> file, Span<byte> destination, in FrameFormat format)
    {
        var h = ReadHeader(file);
        int channels = h.Gray ? 1 : 3;
        var pixels = file[h.DataOffset..];
        if (pixels.Length < h.Width * h.Height * channels)
            throw new FrameSourceException($"PNM image is truncated: {pixels.Length} bytes of pixels, {h.Width * h.Height * channels} expected.");
        for (int y = 0; y < h.Height; y++)
        {
            var src = pixels.Slice(y * h.Width * channels, h.Width * channels);
            var dst = destination.Slice(y * format.Stride, format.Stride);
            if (h.Gray && format.PixelFormat == PixelFormat.Mono8) { src.CopyTo(dst); continue; }
            for (int x = 0; x < h.Width; x++)
            {
                byte r = src[x * channels], g = h.Gray ? r : src[x * 3 + 1], b = h.Gray ? r : src[x * 3 + 2];
                PixelWriter.Write(dst, x, r, g, b, format.PixelFormat);
            }
        }
    }

    private readonly record struct Header(bool Gray, int Width, int Height, int DataOffset);

    private static Header ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < 2 || file[0] != (byte)'P' || (file[1] != (byte)'6' && file[1] != (byte)'5'))
            throw new FrameSourceException("Not a binary PPM/PGM image (expected a P6 or P5 header).");
        int pos = 2;
        int width = ReadNumber(file, ref pos), height = ReadNumber(file, ref pos), max = ReadNumber(file, ref pos);
        if (max != 255) throw new FrameSourceException($"PPM/PGM with maxval {max} is not supported; only 8-bit (255).");
        if (width <= 0 || height <= 0) throw new FrameSourceException($"PPM/PGM has an invalid size {width}x{height}.");
        return new Header(file[1] == (byte)'5', width, height, pos + 1); // one whitespace byte after maxval
    }

    private static int ReadNumber(ReadOnlySpan<byte> file, ref int pos)
    {
        while (pos < file.Length)
        {
            byte c = file[pos];
            if (c == (byte)'#') { while (pos < file.Length && file[pos] != (byte)'\n') pos++; continue; }
            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') { pos++; continue; }
            break;
        }
        int value = 0, digits = 0;
        while (pos < file.Length && file[pos] is >= (byte)'0' and <= (byte)'9' && digits < 9)
        {
            value = value * 10 + (file[pos] - '0');
            pos++;
            digits++;
        }
        if (digits == 0) throw new FrameSourceException("PPM/PGM header is damaged (a number is missing).");
        return value;
    }
}
