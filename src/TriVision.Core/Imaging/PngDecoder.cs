using System.Buffers.Binary;
using System.IO.Compression;
using TriVision.Core.Frames;

namespace TriVision.Core.Imaging;

/// <summary>
/// Reads 8-bit, non-interlaced PNG: grayscale, truecolour, and their alpha variants (alpha is
/// dropped). That covers what our encoder, OpenCV and labelling tools write for datasets.
/// </summary>
public static class PngDecoder
{
    public static PngImage Decode(string path, PixelFormat output = PixelFormat.Bgr8)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new PngFormatException($"Cannot read PNG file '{path}': {e.Message}", e);
        }
        try
        {
            return Decode(bytes, output);
        }
        catch (PngFormatException e)
        {
            throw new PngFormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Decodes into <paramref name="output"/>: Mono8 (grey, colour converted by luma), Rgb8 or Bgr8.</summary>
    public static PngImage Decode(ReadOnlySpan<byte> png, PixelFormat output = PixelFormat.Bgr8)
    {
        if (output is not (PixelFormat.Mono8 or PixelFormat.Rgb8 or PixelFormat.Bgr8))
            throw new ArgumentException($"PNG decoder produces Mono8, Rgb8 or Bgr8, not {output}.", nameof(output));
        if (png.Length < 8 || !png[..8].SequenceEqual((ReadOnlySpan<byte>)[137, 80, 78, 71, 13, 10, 26, 10]))
            throw new PngFormatException("Not a PNG stream (bad signature).");

        int width = 0, height = 0, colorType = -1, srcChannels = 0;
        using var idat = new MemoryStream();
        int pos = 8;
        bool sawEnd = false;
        while (!sawEnd)
        {
            if (pos + 12 > png.Length) throw new PngFormatException("PNG stream truncated inside the chunk list.");
            int len = BinaryPrimitives.ReadInt32BigEndian(png[pos..]);
            if (len < 0 || pos + 12 + len > png.Length) throw new PngFormatException("PNG chunk length runs past the end of the stream.");
            ReadOnlySpan<byte> type = png.Slice(pos + 4, 4);
            ReadOnlySpan<byte> data = png.Slice(pos + 8, len);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + len)..]);
            if (PngCrc32.Compute(png.Slice(pos + 4, 4 + len)) != crc)
                throw new PngFormatException($"CRC mismatch in chunk {System.Text.Encoding.ASCII.GetString(type)}.");
            if (type.SequenceEqual("IHDR"u8))
            {
                if (len != 13) throw new PngFormatException("IHDR chunk must be 13 bytes.");
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                int depth = data[8];
                colorType = data[9];
                if (depth != 8) throw new PngFormatException($"Bit depth {depth} is not supported (8 only).");
                if (data[12] != 0) throw new PngFormatException("Interlaced PNG is not supported.");
                srcChannels = colorType switch
                {
                    0 => 1, 2 => 3, 4 => 2, 6 => 4,
                    _ => throw new PngFormatException($"Colour type {colorType} is not supported (grey, RGB, grey+alpha, RGBA only)."),
                };
                if (width <= 0 || height <= 0 || (long)width * height > 1 << 28)
                    throw new PngFormatException($"Image size {width}x{height} is out of range.");
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                sawEnd = true;
            }
            else if ((type[0] & 0x20) == 0 && !type.SequenceEqual("PLTE"u8))
            {
                throw new PngFormatException($"Unknown critical chunk {System.Text.Encoding.ASCII.GetString(type)}.");
            }
            pos += 12 + len;
        }
        if (srcChannels == 0) throw new PngFormatException("PNG has no IHDR chunk.");

        int rowBytes = width * srcChannels;
        byte[] raw = new byte[(long)height * rowBytes > int.MaxValue ? throw new PngFormatException("Image too large.") : height * rowBytes];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            byte[] prev = new byte[rowBytes];
            byte[] cur = new byte[rowBytes];
            Span<byte> filter = stackalloc byte[1];
            try
            {
                for (int y = 0; y < height; y++)
                {
                    if (z.ReadAtLeast(filter, 1, throwOnEndOfStream: false) != 1 || z.ReadAtLeast(cur, rowBytes, throwOnEndOfStream: false) != rowBytes)
                        throw new PngFormatException($"Image data ends at row {y} of {height}.");
                    Unfilter(filter[0], cur, prev, srcChannels, y);
                    cur.CopyTo(raw, y * rowBytes);
                    (prev, cur) = (cur, prev);
                }
            }
            catch (InvalidDataException e)
            {
                throw new PngFormatException($"Corrupt zlib image data: {e.Message}", e);
            }
        }

        int outChannels = output == PixelFormat.Mono8 ? 1 : 3;
        byte[] pixels = new byte[width * height * outChannels];
        int n = width * height;
        for (int i = 0; i < n; i++)
        {
            int s = i * srcChannels;
            byte r, g, b;
            if (srcChannels <= 2) { r = g = b = raw[s]; }
            else { r = raw[s]; g = raw[s + 1]; b = raw[s + 2]; }
            switch (output)
            {
                case PixelFormat.Mono8:
                    pixels[i] = srcChannels <= 2 ? r : (byte)((r * 77 + g * 150 + b * 29 + 128) >> 8);
                    break;
                case PixelFormat.Rgb8:
                    pixels[i * 3] = r; pixels[i * 3 + 1] = g; pixels[i * 3 + 2] = b;
                    break;
                default:
                    pixels[i * 3] = b; pixels[i * 3 + 1] = g; pixels[i * 3 + 2] = r;
                    break;
            }
        }
        return new PngImage(width, height, output, pixels);
    }

    private static void Unfilter(byte filter, Span<byte> cur, ReadOnlySpan<byte> prev, int bpp, int y)
    {
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (int i = bpp; i < cur.Length; i++) cur[i] += cur[i - bpp];
                break;
            case 2:
                for (int i = 0; i < cur.Length; i++) cur[i] += prev[i];
                break;
            case 3:
                for (int i = 0; i < cur.Length; i++)
                    cur[i] += (byte)(((i >= bpp ? cur[i - bpp] : 0) + prev[i]) >> 1);
                break;
            case 4:
                for (int i = 0; i < cur.Length; i++)
                {
                    int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    cur[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                break;
            default:
                throw new PngFormatException($"Unknown filter type {filter} on row {y}.");
        }
    }
}
