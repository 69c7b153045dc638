using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Rendering;

/// <summary>
/// Paints an object of a given kind into a sprite: picks a random look, rotates it, and shades it
/// per pixel with 2x2 supersampling. Cylindrical objects are surfaces of revolution lit by a
/// diffuse + specular model; flat objects get bevels, print and wrinkles.
/// </summary>
internal static partial class SpritePainter
{
    // Light from the upper left, slightly in front of the camera; H is the Blinn half vector.
    private const double Lx = -0.32, Ly = -0.42, Lz = 0.85;
    private static readonly double Hx, Hy, Hz;

    static SpritePainter()
    {
        double hx = Lx, hy = Ly, hz = Lz + 1, n = Math.Sqrt(hx * hx + hy * hy + hz * hz);
        Hx = hx / n; Hy = hy / n; Hz = hz / n;
    }

    public static void Paint(Sprite sprite, ObjectKind kind, ref SimRandom rng, double ppm, System.Buffers.ArrayPool<byte>? pool = null)
    {
        Look k = ChooseLook(kind, ref rng);
        double angle = rng.Range(0, 2 * Math.PI);
        k.Cos = Math.Cos(angle);
        k.Sin = Math.Sin(angle);
        double ac = Math.Abs(k.Cos), asn = Math.Abs(k.Sin);
        double hx = (ac * k.L + asn * k.W) / 2, hy = (asn * k.L + ac * k.W) / 2;
        int w = (int)Math.Ceiling(2 * hx * ppm) + 3, h = (int)Math.Ceiling(2 * hy * ppm) + 3;
        sprite.Resize(w, h, pool);
        sprite.OriginX = w / 2.0;
        sprite.OriginY = h / 2.0;
        sprite.ExtentXM = 2 * hx;
        sprite.ExtentYM = 2 * hy;
        double height = HeightOf(k);
        sprite.ShadowDx = (int)Math.Round(height * 0.3 * ppm);
        sprite.ShadowDy = (int)Math.Round(height * 0.4 * ppm);
        byte[] px = sprite.Pixels;
        double inv = 1.0 / ppm;
        // Pass 1: one sample per pixel. Pass 2: 2x2 samples only where the silhouette changes
        // between neighbours, which is where aliasing shows; interiors cost a quarter as much.
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                ShadePixel(ref k, px, w, x, y, sprite.OriginX, sprite.OriginY, inv, supersample: false);
        List<int> edges = t_edges ??= new List<int>(1024);
        edges.Clear();
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w + x) * 4 + 3;
                bool inside = px[i] > 0;
                if ((x > 0 && px[i - 4] > 0 != inside) || (x + 1 < w && px[i + 4] > 0 != inside)
                    || (y > 0 && px[i - w * 4] > 0 != inside) || (y + 1 < h && px[i + w * 4] > 0 != inside))
                    edges.Add(y * w + x);
            }
        }
        foreach (int p in edges) ShadePixel(ref k, px, w, p % w, p / w, sprite.OriginX, sprite.OriginY, inv, supersample: true);
        int opaque = 0;
        int n = w * h * 4;
        for (int i = 3; i < n; i += 4)
            if (px[i] >= Sprite.SilhouetteAlpha) opaque++;
        sprite.OpaqueCount = opaque;
    }

    [ThreadStatic] private static List<int>? t_edges;

    /// <summary>How far the object stands off the belt, metres: sets the length of its shadow.</summary>
    private static double HeightOf(in Look k) => k.Kind switch
    {
        ObjectKind.Paper or ObjectKind.Film or ObjectKind.Scrap => 0.004,
        ObjectKind.Cardboard => 0.008,
        ObjectKind.LithiumPouch => 0.006,
        ObjectKind.NineVolt => 0.0175,
        ObjectKind.PowerBank => 0.016,
        ObjectKind.BatteryPack => k.P2,
        ObjectKind.FoodCarton => k.W * 0.7,
        ObjectKind.CampingCartridge when k.Variant == 1 => 0.07,
        _ => k.W,
    };

    private static void ShadePixel(ref Look k, byte[] px, int w, int x, int y, double ox, double oy, double inv, bool supersample)
    {
        double r = 0, g = 0, b = 0, a = 0;
        int samples = supersample ? 4 : 1;
        for (int s = 0; s < samples; s++)
        {
            double fx = supersample ? 0.25 + 0.5 * (s & 1) : 0.5, fy = supersample ? 0.25 + 0.5 * (s >> 1) : 0.5;
            double wx = (x + fx - ox) * inv, wy = (y + fy - oy) * inv;
            double u = wx * k.Cos + wy * k.Sin, v = -wx * k.Sin + wy * k.Cos;
            if (Shade(ref k, u, v, out Rgb c, out double al))
            {
                r += c.R * al; g += c.G * al; b += c.B * al; a += al;
            }
        }
        int i = (y * w + x) * 4;
        if (a <= 0)
        {
            px[i] = px[i + 1] = px[i + 2] = px[i + 3] = 0;
            return;
        }
        px[i] = ToByte(b / a);
        px[i + 1] = ToByte(g / a);
        px[i + 2] = ToByte(r / a);
        px[i + 3] = ToByte(a / samples);
    }

    private static byte ToByte(double v) => (byte)Math.Clamp((int)(v * 255 + 0.5), 0, 255);

    private static bool Shade(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        switch (k.Kind)
        {
            case ObjectKind.PropaneBottle:
            case ObjectKind.ButaneBottle:
                return ShadeGasBottle(ref k, u, v, out c, out alpha);
            case ObjectKind.CampingCartridge:
                return k.Variant == 0 ? ShadeCartridgeLying(ref k, u, v, out c, out alpha) : ShadeCartridgeStanding(ref k, u, v, out c, out alpha);
            case ObjectKind.AaCell:
            case ObjectKind.AaaCell:
            case ObjectKind.CCell:
            case ObjectKind.DCell:
                return ShadeCell(ref k, u, v, out c, out alpha);
            case ObjectKind.NineVolt:
                return ShadeNineVolt(ref k, u, v, out c, out alpha);
            case ObjectKind.LithiumPouch:
                return ShadePouch(ref k, u, v, out c, out alpha);
            case ObjectKind.BatteryPack:
                return ShadePack(ref k, u, v, out c, out alpha);
            case ObjectKind.PowerBank:
                return ShadePowerBank(ref k, u, v, out c, out alpha);
            case ObjectKind.AerosolCan:
                return ShadeAerosol(ref k, u, v, out c, out alpha);
            case ObjectKind.PlasticBottle:
            case ObjectKind.GlassBottle:
                return ShadeBottle(ref k, u, v, out c, out alpha);
            case ObjectKind.MetalCan:
                return ShadeCan(ref k, u, v, out c, out alpha);
            case ObjectKind.Cardboard:
                return ShadeCardboard(ref k, u, v, out c, out alpha);
            case ObjectKind.Paper:
                return ShadePaper(ref k, u, v, out c, out alpha);
            case ObjectKind.Film:
                return ShadeFilm(ref k, u, v, out c, out alpha);
            case ObjectKind.FoodCarton:
                return ShadeCarton(ref k, u, v, out c, out alpha);
            default:
                return ShadeScrap(ref k, u, v, out c, out alpha);
        }
    }

    /// <summary>Diffuse + Blinn specular for a normal given in the object's frame.</summary>
    private static Rgb Lit(in Look k, Rgb albedo, double nu, double nv, double nz, double spec, double shininess)
    {
        double wx = nu * k.Cos - nv * k.Sin, wy = nu * k.Sin + nv * k.Cos;
        double d = Math.Max(0, wx * Lx + wy * Ly + nz * Lz);
        double hd = Math.Max(0, wx * Hx + wy * Hy + nz * Hz);
        double sp = spec > 0 ? spec * Math.Pow(hd, shininess) : 0;
        return albedo * (0.3 + 0.78 * d) + Rgb.Grey(sp);
    }

    /// <summary>Normal of a surface of revolution about the u axis with radius r and slope dr/du, at lateral offset v.</summary>
    private static void RevolutionNormal(double r, double dr, double v, out double nu, out double nv, out double nz)
    {
        nv = v / r;
        nz = Math.Sqrt(Math.Max(0, 1 - nv * nv));
        nu = -dr * nz;
        double n = Math.Sqrt(nu * nu + nv * nv + nz * nz);
        nu /= n; nv /= n; nz /= n;
    }

    /// <summary>Radius of an end dome of depth e at distance t (0 = tip) from the tip.</summary>
    private static double Dome(double t, double e, double r) => t >= e ? r : r * Math.Sqrt(Math.Max(0, 1 - (e - t) * (e - t) / (e * e)));

    /// <summary>Signed distance to a rounded rectangle centred at the origin (negative inside).</summary>
    private static double RoundRect(double u, double v, double halfL, double halfW, double radius)
    {
        double qx = Math.Abs(u) - halfL + radius, qy = Math.Abs(v) - halfW + radius;
        double ox = Math.Max(qx, 0), oy = Math.Max(qy, 0);
        return Math.Sqrt(ox * ox + oy * oy) + Math.Min(Math.Max(qx, qy), 0) - radius;
    }

    /// <summary>Normal of a flat top with a bevel of width <paramref name="bevel"/> along the outline of a rounded rectangle.</summary>
    private static void BevelNormal(double u, double v, double halfL, double halfW, double radius, double bevel, double sd, out double nu, out double nv, out double nz)
    {
        nu = 0; nv = 0; nz = 1;
        double depth = -sd;
        if (depth >= bevel) return;
        const double e = 1e-4;
        double gx = RoundRect(u + e, v, halfL, halfW, radius) - RoundRect(u - e, v, halfL, halfW, radius);
        double gy = RoundRect(u, v + e, halfL, halfW, radius) - RoundRect(u, v - e, halfL, halfW, radius);
        double gn = Math.Sqrt(gx * gx + gy * gy) + 1e-12;
        double t = 1 - depth / bevel;
        double tilt = t * t * 1.6;
        nu = gx / gn * tilt; nv = gy / gn * tilt;
        double n = Math.Sqrt(nu * nu + nv * nv + 1);
        nu /= n; nv /= n; nz = 1 / n;
    }

    private static double Smooth01(double x) => x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x);
}
