using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>Stores one decoded pixel in the destination layout (the still-image decoders share it).</summary>
internal static class PixelWriter
{
    public static void Write(Span<byte> row, int x, byte r, byte g, byte b, PixelFormat format)
    {
        switch (format)
        {
            case PixelFormat.Bgr8:
                row[x * 3] = b; row[x * 3 + 1] = g; row[x * 3 + 2] = r;
                break;
            case PixelFormat.Rgb8:
                row[x * 3] = r; row[x * 3 + 1] = g; row[x * 3 + 2] = b;
                break;
            case PixelFormat.Mono8:
                // BT.601 luma in fixed point.
                row[x] = (byte)((77 * r + 150 * g + 29 * b + 128) >> 8);
                break;
            default:
                throw new FrameSourceException($"Still images decode to Bgr8, Rgb8 or Mono8, not {format}.");
        }
    }
}
