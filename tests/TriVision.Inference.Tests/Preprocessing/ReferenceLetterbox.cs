using TriVision.Core.Frames;

namespace TriVision.Inference.Tests.Preprocessing;

/// <summary>
/// Straightforward, slow restatement of the letterbox contract that the optimised preprocessor
/// is checked against: Ultralytics geometry, OpenCV INTER_LINEAR sampling per output pixel,
/// bilinear Bayer demosaic written as "average the 3x3 neighbours of the missing colour".
/// </summary>
internal static class ReferenceLetterbox
{
    public static (int NewW, int NewH, int Left, int Top) Geometry(int srcW, int srcH, int dstW, int dstH)
    {
        double r = Math.Min((double)dstH / srcH, (double)dstW / srcW);
        int newW = (int)Math.Round(srcW * r, MidpointRounding.ToEven);
        int newH = (int)Math.Round(srcH * r, MidpointRounding.ToEven);
        double dw = (dstW - newW) / 2.0;
        double dh = (dstH - newH) / 2.0;
        int left = (int)Math.Round(dw - 0.1, MidpointRounding.ToEven);
        int top = (int)Math.Round(dh - 0.1, MidpointRounding.ToEven);
        return (newW, newH, left, top);
    }

    public static float[] Run(byte[] frame, FrameFormat f, int dstW, int dstH)
    {
        var (newW, newH, left, top) = Geometry(f.Width, f.Height, dstW, dstH);
        var rgb = ToRgb(frame, f);
        var output = new float[3 * dstW * dstH];
        for (int oy = 0; oy < dstH; oy++)
        for (int ox = 0; ox < dstW; ox++)
        {
            int dx = ox - left;
            int dy = oy - top;
            for (int c = 0; c < 3; c++)
            {
                double v;
                if (dx < 0 || dy < 0 || dx >= newW || dy >= newH)
                {
                    v = 114;
                }
                else
                {
                    var (x0, x1, fx) = Sample(dx, f.Width, newW);
                    var (y0, y1, fy) = Sample(dy, f.Height, newH);
                    double top0 = rgb[y0, x0, c] * (1 - fx) + rgb[y0, x1, c] * fx;
                    double bot0 = rgb[y1, x0, c] * (1 - fx) + rgb[y1, x1, c] * fx;
                    v = top0 * (1 - fy) + bot0 * fy;
                }
                output[c * dstW * dstH + oy * dstW + ox] = (float)(v / 255.0);
            }
        }
        return output;
    }

    private static (int I0, int I1, double F) Sample(int d, int srcLen, int dstLen)
    {
        double s = (d + 0.5) * srcLen / dstLen - 0.5;
        if (s <= 0) return (0, 0, 0);
        if (s >= srcLen - 1) return (srcLen - 1, srcLen - 1, 0);
        int i = (int)Math.Floor(s);
        return (i, i + 1, s - i);
    }

    public static byte[,,] ToRgb(byte[] frame, FrameFormat f)
    {
        var rgb = new byte[f.Height, f.Width, 3];
        for (int y = 0; y < f.Height; y++)
        for (int x = 0; x < f.Width; x++)
        {
            int o = y * f.Stride;
            switch (f.PixelFormat)
            {
                case PixelFormat.Mono8:
                    rgb[y, x, 0] = rgb[y, x, 1] = rgb[y, x, 2] = frame[o + x];
                    break;
                case PixelFormat.Rgb8:
                    for (int c = 0; c < 3; c++) rgb[y, x, c] = frame[o + 3 * x + c];
                    break;
                case PixelFormat.Bgr8:
                    for (int c = 0; c < 3; c++) rgb[y, x, c] = frame[o + 3 * x + 2 - c];
                    break;
                default:
                    for (int c = 0; c < 3; c++) rgb[y, x, c] = Demosaic(frame, f, x, y, c);
                    break;
            }
        }
        return rgb;
    }

    /// <summary>Colour (0 R, 1 G, 2 B) that a Bayer pattern samples at (x, y).</summary>
    public static int BayerColour(PixelFormat p, int x, int y)
    {
        string cell = p switch
        {
            PixelFormat.BayerRG8 => "RGGB",
            PixelFormat.BayerBG8 => "BGGR",
            PixelFormat.BayerGR8 => "GRBG",
            PixelFormat.BayerGB8 => "GBRG",
            _ => throw new ArgumentOutOfRangeException(nameof(p)),
        };
        char ch = cell[(y & 1) * 2 + (x & 1)];
        return ch == 'R' ? 0 : ch == 'G' ? 1 : 2;
    }

    private static byte Demosaic(byte[] frame, FrameFormat f, int x, int y, int c)
    {
        if (BayerColour(f.PixelFormat, x, y) == c) return frame[y * f.Stride + x];
        int sum = 0, n = 0;
        for (int j = -1; j <= 1; j++)
        for (int i = -1; i <= 1; i++)
        {
            int xx = Reflect(x + i, f.Width);
            int yy = Reflect(y + j, f.Height);
            if ((i != 0 || j != 0) && BayerColour(f.PixelFormat, xx, yy) == c)
            {
                sum += frame[yy * f.Stride + xx];
                n++;
            }
        }
        return (byte)((sum + n / 2) / n);
    }

    private static int Reflect(int i, int n) => i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;

    /// <summary>Samples an RGB image (rows of interleaved R,G,B) through a Bayer pattern.</summary>
    public static byte[] Mosaic(byte[,,] rgb, PixelFormat pattern)
    {
        int h = rgb.GetLength(0), w = rgb.GetLength(1);
        var raw = new byte[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            raw[y * w + x] = rgb[y, x, BayerColour(pattern, x, y)];
        return raw;
    }
}
