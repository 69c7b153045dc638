namespace TriVision.Simulation.Rendering;

/// <summary>
/// A strip of belt surface (BGR), painted once and scrolled under the camera by copying rows with a
/// wrap-around offset: per frame the belt costs a memcpy, not a texture evaluation per pixel.
/// Rows outside the belt show the steel skirts at its sides.
/// </summary>
internal sealed class BeltTile
{
    public BeltTile(BeltTexture texture, int width, int height, double ppm, double beltTopPx, double beltWidthM, uint seed)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        Paint(texture, ppm, beltTopPx, beltWidthM, seed);
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    private const int Coarse = 8;

    private void Paint(BeltTexture texture, double ppm, double beltTopPx, double beltWidthM, uint seed)
    {
        double tileM = Width / ppm;
        double seamX = 0.3 * tileM;
        var rng = new SimRandom(seed);
        var pattern = texture == BeltTexture.Patterned ? BeltPattern.Draw(ref rng, tileM) : default;
        double stainScale = rng.Range(2.5, 5), stainAmount = rng.Range(0.04, 0.12);
        // Low-frequency fields (stains, worn patches) are evaluated on a coarse grid and
        // interpolated: they carry no detail at pixel scale and dominate the cost otherwise.
        int cw = Width / Coarse + 2, ch = Height / Coarse + 2;
        var stainField = new float[cw * ch];
        var patchField = new float[cw * ch];
        for (int cy = 0; cy < ch; cy++)
        {
            double ym = (cy * Coarse - beltTopPx) / ppm;
            for (int cx = 0; cx < cw; cx++)
            {
                double xm = cx * Coarse / ppm;
                // Periodic in x so the tile wraps without a visible edge.
                double px = xm / tileM * 2 * Math.PI;
                double r = stainScale * tileM / 6;
                stainField[cy * cw + cx] = (float)ValueNoise.Fbm(Math.Cos(px) * r + 10, ym * stainScale + Math.Sin(px) * r, seed + 41, 3);
                patchField[cy * cw + cx] = (float)ValueNoise.Fbm(Math.Cos(px) * r * 2 + 3, ym * 6 + Math.Sin(px) * r * 2, seed + 9, 3);
            }
        }
        for (int y = 0; y < Height; y++)
        {
            double ym = (y + 0.5 - beltTopPx) / ppm;
            bool onBelt = ym >= 0 && ym <= beltWidthM;
            // Wear lanes run along the belt: constant in x, varying across.
            double lanes = ValueNoise.Fbm(0.5, ym * 18, seed + 3, 2) - 0.5;
            double edge = Math.Min(ym, beltWidthM - ym);
            double edgeShade = edge < 0.02 ? 0.75 + 0.25 * edge / 0.02 : 1;
            double seamWiggle = 0.02 * Math.Abs(Math.Sin(ym * 60));
            double fy = (double)y / Coarse;
            int cy0 = (int)fy;
            double ty = fy - cy0;
            for (int x = 0; x < Width; x++)
            {
                double xm = (x + 0.5) / ppm;
                Rgb c;
                if (onBelt)
                {
                    double fx = (double)x / Coarse;
                    int cx0 = (int)fx;
                    double tx = fx - cx0;
                    int i00 = cy0 * cw + cx0;
                    double stain = Bilinear(stainField, i00, cw, tx, ty);
                    double patch = Bilinear(patchField, i00, cw, tx, ty);
                    double grain = ValueNoise.Hash(x, y, seed) - 0.5;
                    c = texture == BeltTexture.Patterned
                        ? pattern.Shade(xm, ym, grain, lanes, patch)
                        : Surface(texture, xm, ym, beltWidthM, grain, lanes, patch);
                    if (stain > 0.62) c = Rgb.Lerp(c, new Rgb(0.35, 0.3, 0.24), Math.Min(1, (stain - 0.62) * 6) * stainAmount * 4);
                    double speck = ValueNoise.Hash(x, y, seed + 77);
                    if (speck > 0.9996) c = Rgb.Grey(0.45 + 0.3 * ValueNoise.Hash(x, y, seed + 78));
                    else if (speck < 0.0015) c *= 0.6;
                    double seam = Math.Abs(xm - seamX - seamWiggle);
                    if (seam < 0.012) c *= seam < 0.002 ? 0.75 : 1.05;
                    c *= edgeShade;
                }
                else c = Skirt(xm, ym, beltWidthM, seed);
                int i = (y * Width + x) * 3;
                Pixels[i] = ToByte(c.B);
                Pixels[i + 1] = ToByte(c.G);
                Pixels[i + 2] = ToByte(c.R);
            }
        }
    }

    private static double Bilinear(float[] f, int i00, int cw, double tx, double ty)
    {
        double a = f[i00], b = f[i00 + 1], c = f[i00 + cw], d = f[i00 + cw + 1];
        return a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty;
    }

    private static byte ToByte(double v) => (byte)Math.Clamp((int)(v * 255 + 0.5), 0, 255);

    private static Rgb Skirt(double xm, double ym, double beltWidthM, uint seed)
    {
        double dist = ym < 0 ? -ym : ym - beltWidthM;
        if (dist < 0.012) return Rgb.Grey(0.05);
        double brushed = ValueNoise.Noise(xm * 3, ym * 900, seed + 5);
        return Rgb.Grey(0.42 + 0.12 * brushed) * (dist < 0.03 ? 0.8 : 1.0);
    }

    private static Rgb Surface(BeltTexture t, double xm, double ym, double bw, double grain, double lanes, double patch)
    {
        switch (t)
        {
            case BeltTexture.BlackRubber:
                return Rgb.Grey(0.14 + 0.035 * grain + 0.06 * lanes + 0.03 * (patch - 0.5));
            case BeltTexture.RibbedRubber:
            {
                double d = (xm + Math.Abs(ym - bw / 2) * 0.7) / 0.09;
                double f = d - Math.Floor(d);
                double v = 0.16 + 0.03 * grain + 0.04 * lanes;
                if (f < 0.12) v += 0.035 * (f < 0.04 ? 1.4 : 0.7);
                else if (f < 0.17) v -= 0.03;
                return new Rgb(v, v, v * 1.03);
            }
            case BeltTexture.GreyPvc:
            {
                double weave = (((int)(xm * 700) + (int)(ym * 700)) & 1) == 0 ? 0.01 : -0.01;
                double v = 0.46 + 0.03 * grain + 0.05 * lanes + weave + 0.04 * (patch - 0.5);
                return new Rgb(v * 0.98, v, v * 1.02);
            }
            case BeltTexture.GreenPvc:
            {
                double g = 1 + 0.12 * grain + 0.2 * lanes + 0.1 * (patch - 0.5);
                return new Rgb(0.13 * g, 0.36 * g, 0.2 * g);
            }
            case BeltTexture.BlueModular:
            {
                double mx = xm / 0.05, my = ym / 0.152 + (((int)Math.Floor(mx) & 1) == 0 ? 0 : 0.5);
                double fx = mx - Math.Floor(mx), fy = my - Math.Floor(my);
                double g = 1 + 0.1 * grain + 0.15 * lanes;
                var c = new Rgb(0.17 * g, 0.3 * g, 0.52 * g);
                if (fx < 0.1) c *= 0.55;
                else if (fy < 0.03) c *= 0.7;
                else if (Math.Abs(fx - 0.55) < 0.08 && ((int)(ym / 0.025) & 1) == 0) c *= 0.45;
                return c;
            }
            default:
            {
                double g = 1 + 0.2 * grain + 0.25 * lanes + (patch > 0.6 ? -0.25 : 0);
                return new Rgb(0.3 * g, 0.22 * g, 0.15 * g);
            }
        }
    }
}
