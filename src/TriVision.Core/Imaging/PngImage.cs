using TriVision.Core.Frames;

namespace TriVision.Core.Imaging;

/// <summary>A decoded 8-bit image: tightly packed rows (stride = width * channels).</summary>
public sealed class PngImage
{
    public PngImage(int width, int height, PixelFormat pixelFormat, byte[] pixels)
    {
        Format = new FrameFormat(width, height, pixelFormat);
        if (pixels.Length < Format.BufferSize)
            throw new ArgumentException($"Pixel buffer holds {pixels.Length} bytes; {Format} needs {Format.BufferSize}.", nameof(pixels));
        Pixels = pixels;
    }

    public FrameFormat Format { get; }
    public int Width => Format.Width;
    public int Height => Format.Height;
    public PixelFormat PixelFormat => Format.PixelFormat;
    public byte[] Pixels { get; }
}
