using TriVision.Core.Frames;

namespace TriVision.Inference.Preprocessing;

public sealed partial class LetterboxPreprocessor
{
    // Bayer frames are demosaiced at full resolution, one source row at a time and only for the
    // rows the resize reads, with classic bilinear interpolation (own colour kept, missing colours
    // averaged from the 2 or 4 nearest samples of that colour), then resized like an RGB row.
    // Why not a half-resolution "superpixel" (one RGB pixel per 2x2 cell)? It is cheaper, but it
    // shifts red and blue by half a source pixel relative to each other and halves the detail
    // that small objects (batteries) depend on for 1280-wide models. Borders use reflect-101,
    // which keeps the colour parity of the mirrored sample and so works for all four patterns.
    private static void DemosaicRow(ReadOnlySpan<byte> frame, in FrameFormat format, int y, Span<byte> rgb)
    {
        int w = format.Width;
        int h = format.Height;
        int stride = format.Stride;
        (int rx, int ry) = RedSite(format.PixelFormat);

        ReadOnlySpan<byte> cur = frame.Slice(y * stride, w);
        ReadOnlySpan<byte> up = frame.Slice(Reflect(y - 1, h) * stride, w);
        ReadOnlySpan<byte> down = frame.Slice(Reflect(y + 1, h) * stride, w);
        bool redRow = (y & 1) == ry;

        for (int x = 0; x < w; x++)
        {
            int xl = x == 0 ? Reflect(-1, w) : x - 1;
            int xr = x == w - 1 ? Reflect(w, w) : x + 1;
            int c = cur[x];
            int cross = (up[x] + down[x] + cur[xl] + cur[xr] + 2) >> 2;
            int diag = (up[xl] + up[xr] + down[xl] + down[xr] + 2) >> 2;
            int horiz = (cur[xl] + cur[xr] + 1) >> 1;
            int vert = (up[x] + down[x] + 1) >> 1;
            bool redColumn = (x & 1) == rx;
            int o = x * 3;
            if (redRow)
            {
                if (redColumn)
                {
                    rgb[o] = (byte)c;
                    rgb[o + 1] = (byte)cross;
                    rgb[o + 2] = (byte)diag;
                }
                else
                {
                    rgb[o] = (byte)horiz;
                    rgb[o + 1] = (byte)c;
                    rgb[o + 2] = (byte)vert;
                }
            }
            else if (redColumn)
            {
                rgb[o] = (byte)vert;
                rgb[o + 1] = (byte)c;
                rgb[o + 2] = (byte)horiz;
            }
            else
            {
                rgb[o] = (byte)diag;
                rgb[o + 1] = (byte)cross;
                rgb[o + 2] = (byte)c;
            }
        }
    }

    // Position of the red sample inside the 2x2 cell that starts at (0,0); blue is diagonal to it.
    private static (int X, int Y) RedSite(PixelFormat format) => format switch
    {
        PixelFormat.BayerRG8 => (0, 0),
        PixelFormat.BayerGR8 => (1, 0),
        PixelFormat.BayerGB8 => (0, 1),
        PixelFormat.BayerBG8 => (1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a Bayer pixel format."),
    };

    // Reflect-101 (…2 1 | 0 1 2 … n-2 n-1 | n-2 …); a 1-pixel axis has no neighbour and reuses 0.
    private static int Reflect(int i, int n)
    {
        if (n == 1) return 0;
        if (i < 0) return -i;
        if (i >= n) return 2 * n - 2 - i;
        return i;
    }
}
