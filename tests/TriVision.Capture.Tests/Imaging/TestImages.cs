using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Imaging;

/// <summary>Synthetic frames with smooth content, which JPEG keeps close to the original.</summary>
internal static class TestImages
{
    public static byte[] Gradient(in FrameFormat format)
    {
        var pixels = new byte[format.BufferSize];
        int bpp = format.PixelFormat.BytesPerPixel();
        for (int y = 0; y < format.Height; y++)
            for (int x = 0; x < format.Width; x++)
            {
                int o = y * format.Stride + x * bpp;
                pixels[o] = (byte)(x * 255 / Math.Max(1, format.Width - 1));
                if (bpp == 3)
                {
                    pixels[o + 1] = (byte)(y * 255 / Math.Max(1, format.Height - 1));
                    pixels[o + 2] = 128;
                }
            }
        return pixels;
    }

    public static double MeanAbsoluteError(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return (double)sum / a.Length;
    }
}
