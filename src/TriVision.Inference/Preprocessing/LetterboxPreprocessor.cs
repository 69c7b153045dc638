using TriVision.Core.Frames;

namespace TriVision.Inference.Preprocessing;

/// <summary>
/// Letterboxes one camera frame into a model's NCHW float32 RGB input (values in [0,1], padding
/// 114/255), with a bilinear resize that samples like OpenCV's INTER_LINEAR (half-pixel centres).
/// </summary>
/// <remarks>
/// One instance per model input size. Scratch is sized in the constructor and regrown only when
/// a wider source frame arrives, so steady-state calls allocate nothing. Not thread-safe: the
/// row cache and lookup tables are per instance.
/// The resize is separable: each needed source row is resized horizontally once into a planar
/// float row (two rows cached), then every output row is a vectorised vertical blend of two
/// cached rows, scaled by 1/255 and written straight into the three planes.
/// </remarks>
public sealed partial class LetterboxPreprocessor
{
    private const float PadValue = 114f / 255f;
    private const float Inv255 = 1f / 255f;

    private readonly int _dstW;
    private readonly int _dstH;

    // Lookup tables for the current source size (per output column / row of the resized area).
    private readonly int[] _x0;
    private readonly int[] _x1;
    private readonly float[] _fx;
    private readonly int[] _y0;
    private readonly int[] _y1;
    private readonly float[] _fy;

    // Two horizontally resized source rows, planar (R plane, G plane, B plane, each newW long).
    private readonly float[] _rowA;
    private readonly float[] _rowB;
    private int _rowAKey = -1;
    private int _rowBKey = -1;

    // One demosaiced source row (interleaved RGB bytes), grown only when a wider Bayer frame arrives.
    private byte[] _rgbRow = [];

    // One vertically blended source row (interleaved, float), grown only when a wider frame arrives.
    private float[] _blendRow = [];

    private int _srcW = -1;
    private int _srcH = -1;
    private LetterboxTransform _map;
    private int _newW;
    private int _newH;
    private int _left;
    private int _top;

    public LetterboxPreprocessor(int targetWidth, int targetHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(targetWidth, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(targetHeight, 0);
        _dstW = targetWidth;
        _dstH = targetHeight;
        _x0 = new int[targetWidth];
        _x1 = new int[targetWidth];
        _fx = new float[targetWidth];
        _y0 = new int[targetHeight];
        _y1 = new int[targetHeight];
        _fy = new float[targetHeight];
        _rowA = new float[3 * targetWidth];
        _rowB = new float[3 * targetWidth];
    }

    public int TargetWidth => _dstW;
    public int TargetHeight => _dstH;

    /// <summary>Number of floats <see cref="Run"/> writes: 3 * width * height.</summary>
    public int OutputLength => 3 * _dstW * _dstH;

    /// <summary>
    /// Letterboxes <paramref name="frame"/> (laid out as <paramref name="format"/> says) into
    /// <paramref name="nchwRgb"/> and returns the mapping needed to bring boxes back to the frame.
    /// </summary>
    public LetterboxTransform Run(ReadOnlySpan<byte> frame, in FrameFormat format, Span<float> nchwRgb)
    {
        int bpp = format.PixelFormat.BytesPerPixel();
        long needed = (long)format.Stride * (format.Height - 1) + (long)format.Width * bpp;
        if (frame.Length < needed)
            throw new ArgumentException($"Frame buffer holds {frame.Length} bytes, a {format} frame with stride {format.Stride} needs {needed}.", nameof(frame));
        if (nchwRgb.Length < OutputLength)
            throw new ArgumentException($"Output holds {nchwRgb.Length} floats, a 3x{_dstH}x{_dstW} input needs {OutputLength}.", nameof(nchwRgb));

        if (format.Width != _srcW || format.Height != _srcH)
            PrepareGeometry(format.Width, format.Height);
        if (format.PixelFormat.IsBayer() && _rgbRow.Length < format.Width * 3)
            _rgbRow = new byte[format.Width * 3];
        if (!format.PixelFormat.IsBayer() && _blendRow.Length < format.Width * bpp)
            _blendRow = new float[format.Width * bpp];
        // Rows are cached by source row index only: the cache is valid within one call.
        _rowAKey = -1;
        _rowBKey = -1;

        nchwRgb = nchwRgb[..OutputLength];
        FillPadding(nchwRgb);
        if (!format.PixelFormat.IsBayer() && _newH < format.Height)
        {
            RunVerticalFirst(frame, format, nchwRgb);
            return _map;
        }
        for (int dy = 0; dy < _newH; dy++)
        {
            int ya = _y0[dy];
            int yb = _y1[dy];
            ReadOnlySpan<float> a = FetchRow(frame, format, ya, keep: -1);
            ReadOnlySpan<float> b = yb == ya ? a : FetchRow(frame, format, yb, keep: ya);
            BlendRow(a, b, _fy[dy], nchwRgb, dy, planes: format.PixelFormat == PixelFormat.Mono8 ? 1 : 3);
        }
        return _map;
    }

    private void PrepareGeometry(int srcW, int srcH)
    {
        _map = LetterboxTransform.Compute(srcW, srcH, _dstW, _dstH);
        _newW = _map.ResizedWidth;
        _newH = _map.ResizedHeight;
        _left = (int)_map.PadX;
        _top = (int)_map.PadY;
        FillAxis(srcW, _newW, _x0, _x1, _fx);
        FillAxis(srcH, _newH, _y0, _y1, _fy);
        _srcW = srcW;
        _srcH = srcH;
    }

    // OpenCV INTER_LINEAR: src = (dst + 0.5) * (srcLen / dstLen) - 0.5, clamped at both ends.
    private static void FillAxis(int srcLen, int dstLen, int[] i0, int[] i1, float[] frac)
    {
        double scale = (double)srcLen / dstLen;
        for (int d = 0; d < dstLen; d++)
        {
            double s = (d + 0.5) * scale - 0.5;
            int si = (int)Math.Floor(s);
            float f = (float)(s - si);
            if (si < 0)
            {
                si = 0;
                f = 0f;
            }
            if (si >= srcLen - 1)
            {
                si = srcLen - 1;
                f = 0f;
            }
            i0[d] = si;
            i1[d] = Math.Min(si + 1, srcLen - 1);
            frac[d] = f;
        }
    }

    private void FillPadding(Span<float> nchw)
    {
        int plane = _dstW * _dstH;
        int right = _left + _newW;
        for (int c = 0; c < 3; c++)
        {
            Span<float> p = nchw.Slice(c * plane, plane);
            p[..(_top * _dstW)].Fill(PadValue);
            p[((_top + _newH) * _dstW)..].Fill(PadValue);
            if (_left == 0 && right == _dstW) continue;
            for (int y = _top; y < _top + _newH; y++)
            {
                Span<float> row = p.Slice(y * _dstW, _dstW);
                row[.._left].Fill(PadValue);
                row[right..].Fill(PadValue);
            }
        }
    }

    private ReadOnlySpan<float> FetchRow(ReadOnlySpan<byte> frame, in FrameFormat format, int y, int keep)
    {
        if (_rowAKey == y) return _rowA;
        if (_rowBKey == y) return _rowB;
        float[] slot;
        if (_rowAKey == keep)
        {
            slot = _rowB;
            _rowBKey = y;
        }
        else
        {
            slot = _rowA;
            _rowAKey = y;
        }

        switch (format.PixelFormat)
        {
            case PixelFormat.Mono8:
                ResizeRowMono(frame.Slice(y * format.Stride, format.Width), slot);
                break;
            case PixelFormat.Rgb8:
                ResizeRowRgb(frame.Slice(y * format.Stride, format.Width * 3), slot, swapRb: false);
                break;
            case PixelFormat.Bgr8:
                ResizeRowRgb(frame.Slice(y * format.Stride, format.Width * 3), slot, swapRb: true);
                break;
            default:
                if (2 * _newW < format.Width)
                {
                    ResizeRowBayerFused(frame, format, y, slot);
                    break;
                }
                Span<byte> rgb = _rgbRow.AsSpan(0, format.Width * 3);
                DemosaicRow(frame, format, y, rgb);
                ResizeRowRgb(rgb, slot, swapRb: false);
                break;
        }
        return slot;
    }
}
