using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TriVision.Core.Frames;

namespace TriVision.Inference.Preprocessing;

public sealed partial class LetterboxPreprocessor
{
    // Bayer frames are demosaiced at full resolution with classic bilinear interpolation (own
    // colour kept, missing colours averaged from the 2 or 4 nearest samples of that colour), only
    // where the resize reads: per source row used, and on a downscale by more than 2 only at the
    // sampled columns (ResizeRowBayerFused). The result is resized like an RGB row.
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
        bool redRow = (y & 1) == ry;
        // Site kinds along this row: 0 red, 1 green between reds, 2 green between blues, 3 blue.
        int kindAtRedColumn = redRow ? 0 : 2;
        int kindElsewhere = redRow ? 1 : 3;

        ReadOnlySpan<byte> cur = frame.Slice(y * stride, w);
        ReadOnlySpan<byte> up = frame.Slice(Reflect(y - 1, h) * stride, w);
        ReadOnlySpan<byte> down = frame.Slice(Reflect(y + 1, h) * stride, w);
        ref byte u = ref MemoryMarshal.GetReference(up);
        ref byte c = ref MemoryMarshal.GetReference(cur);
        ref byte d = ref MemoryMarshal.GetReference(down);
        ref byte o = ref MemoryMarshal.GetReference(rgb);

        // Borders reflect; the interior indexes its neighbours directly.
        WritePixel(ref u, ref c, ref d, ref o, 0, Reflect(-1, w), Reflect(1, w), rx == 0 ? kindAtRedColumn : kindElsewhere);
        if (w > 1)
            WritePixel(ref u, ref c, ref d, ref Unsafe.Add(ref o, (w - 1) * 3), w - 1, w - 2, Reflect(w, w), ((w - 1) & 1) == rx ? kindAtRedColumn : kindElsewhere);
        for (int x = 1; x < w - 1; x++)
            WritePixel(ref u, ref c, ref d, ref Unsafe.Add(ref o, x * 3), x, x - 1, x + 1, (x & 1) == rx ? kindAtRedColumn : kindElsewhere);
    }

    // For a downscale by more than 2 the resize reads fewer source columns than the row has, so
    // each output pixel demosaics just its two source pixels instead of the whole row.
    private void ResizeRowBayerFused(ReadOnlySpan<byte> frame, in FrameFormat format, int y, float[] dst)
    {
        int w = format.Width;
        int h = format.Height;
        int stride = format.Stride;
        (int rx, int ry) = RedSite(format.PixelFormat);
        bool redRow = (y & 1) == ry;
        int kindAtRedColumn = redRow ? 0 : 2;
        int kindElsewhere = redRow ? 1 : 3;

        ref byte u = ref MemoryMarshal.GetReference(frame.Slice(Reflect(y - 1, h) * stride, w));
        ref byte c = ref MemoryMarshal.GetReference(frame.Slice(y * stride, w));
        ref byte d = ref MemoryMarshal.GetReference(frame.Slice(Reflect(y + 1, h) * stride, w));
        Span<byte> px = stackalloc byte[6];
        ref byte p0 = ref px[0];
        ref byte p1 = ref px[3];

        int n = _newW;
        Span<float> r = dst.AsSpan(0, n);
        Span<float> g = dst.AsSpan(n, n);
        Span<float> b = dst.AsSpan(2 * n, n);
        for (int x = 0; x < n; x++)
        {
            int x0 = _x0[x];
            int x1 = _x1[x];
            WritePixel(ref u, ref c, ref d, ref p0, x0, x0 == 0 ? Reflect(-1, w) : x0 - 1, x0 == w - 1 ? Reflect(w, w) : x0 + 1,
                (x0 & 1) == rx ? kindAtRedColumn : kindElsewhere);
            WritePixel(ref u, ref c, ref d, ref p1, x1, x1 == 0 ? Reflect(-1, w) : x1 - 1, x1 == w - 1 ? Reflect(w, w) : x1 + 1,
                (x1 & 1) == rx ? kindAtRedColumn : kindElsewhere);
            float f = _fx[x];
            r[x] = px[0] + f * (px[3] - px[0]);
            g[x] = px[1] + f * (px[4] - px[1]);
            b[x] = px[2] + f * (px[5] - px[2]);
        }
    }

    // Computes only the two averages the site needs; the alternating kind predicts well.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePixel(ref byte up, ref byte cur, ref byte down, ref byte o, int x, int xl, int xr, int kind)
    {
        byte own = Unsafe.Add(ref cur, x);
        switch (kind)
        {
            case 0:
                o = own;
                Unsafe.Add(ref o, 1) = Cross(ref up, ref cur, ref down, x, xl, xr);
                Unsafe.Add(ref o, 2) = Diagonal(ref up, ref down, xl, xr);
                break;
            case 1:
                o = Horizontal(ref cur, xl, xr);
                Unsafe.Add(ref o, 1) = own;
                Unsafe.Add(ref o, 2) = Vertical(ref up, ref down, x);
                break;
            case 2:
                o = Vertical(ref up, ref down, x);
                Unsafe.Add(ref o, 1) = own;
                Unsafe.Add(ref o, 2) = Horizontal(ref cur, xl, xr);
                break;
            default:
                o = Diagonal(ref up, ref down, xl, xr);
                Unsafe.Add(ref o, 1) = Cross(ref up, ref cur, ref down, x, xl, xr);
                Unsafe.Add(ref o, 2) = own;
                break;
        }
    }

    private static byte Cross(ref byte up, ref byte cur, ref byte down, int x, int xl, int xr) =>
        (byte)((Unsafe.Add(ref up, x) + Unsafe.Add(ref down, x) + Unsafe.Add(ref cur, xl) + Unsafe.Add(ref cur, xr) + 2) >> 2);

    private static byte Diagonal(ref byte up, ref byte down, int xl, int xr) =>
        (byte)((Unsafe.Add(ref up, xl) + Unsafe.Add(ref up, xr) + Unsafe.Add(ref down, xl) + Unsafe.Add(ref down, xr) + 2) >> 2);

    private static byte Horizontal(ref byte cur, int xl, int xr) =>
        (byte)((Unsafe.Add(ref cur, xl) + Unsafe.Add(ref cur, xr) + 1) >> 1);

    private static byte Vertical(ref byte up, ref byte down, int x) =>
        (byte)((Unsafe.Add(ref up, x) + Unsafe.Add(ref down, x) + 1) >> 1);

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
