using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Rendering;

internal static partial class SpritePainter
{
    // Bottle zones: 0 body, 1 shoulder, 2 neck, 3 cap or lip.
    private static double BottleRadius(in Look k, double u, out int zone)
    {
        double R = k.W / 2, h = k.L / 2;
        bool glass = k.Kind == ObjectKind.GlassBottle;
        double s0 = h - (glass ? 0.45 : 0.38) * k.L, s1 = h - (glass ? 0.26 : 0.16) * k.L, neckR = (glass ? 0.3 : 0.33) * R;
        zone = -1;
        if (u < -h || u > h) return 0;
        double r;
        if (u <= s0) { zone = 0; r = Dome(u + h, 0.18 * R, R); }
        else if (u <= s1) { zone = 1; double t = (u - s0) / (s1 - s0); r = neckR + (R - neckR) * (0.5 + 0.5 * Math.Cos(t * Math.PI)); }
        else if (u <= h - 0.06 * k.L) { zone = 2; r = neckR; if (!glass && Math.Abs(u - s1 - 0.012) < 0.003) r = 0.44 * R; }
        else { zone = 3; r = glass ? 0.36 * R : 0.4 * R; }
        if (k.Variant == 1) r *= 0.74 + 0.26 * ValueNoise.Fbm(u * 25, 0.5, k.Seed);
        return r;
    }

    private static bool ShadeBottle(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = k.Alpha;
        double r = BottleRadius(k, u, out int zone);
        if (Math.Abs(v) >= r) return false;
        const double e = 0.002;
        double dr = Math.Clamp((BottleRadius(k, u + e, out _) - BottleRadius(k, u - e, out _)) / (2 * e), -3, 3);
        RevolutionNormal(r, dr, v, out double nu, out double nv, out double nz);
        bool glass = k.Kind == ObjectKind.GlassBottle;
        if (!glass && zone == 0) nu += 0.18 * Math.Sin(u * 2 * Math.PI / 0.014);
        if (k.Variant == 1)
        {
            nu += (ValueNoise.Fbm(u * 90, v * 90, k.Seed) - 0.5) * 1.4;
            nv += (ValueNoise.Fbm(u * 90 + 3, v * 90, k.Seed + 5) - 0.5) * 1.0;
        }
        double h = k.L / 2, t = (u + h) / k.L;
        Rgb albedo = k.C1;
        if (zone == 3 && (!glass || k.P2 > 0.5)) { alpha = 1; albedo = k.C3; c = Lit(k, albedo, nu, nv, nz, 0.35, 20); return true; }
        if (k.P1 > 0.5 && zone == 0 && t > 0.2 && t < (glass ? 0.42 : 0.5))
        {
            alpha = 1;
            albedo = k.C2;
            if (ValueNoise.Noise(u * 200, nv * 8, k.Seed) > 0.6) albedo = k.C3;
            if (Math.Abs(nv) < 0.4 && ValueNoise.Noise(u * 800, v * 350, k.Seed + 1) > 0.62) albedo = Rgb.Grey(0.95);
            c = Lit(k, albedo, nu, nv, nz, 0.25, 20);
            return true;
        }
        double sp = Spec(k, nu, nv, nz, glass ? 60 : 40);
        double fresnel = Math.Max(0, Math.Abs(nv) - 0.6) * (glass ? 0.6 : 1.0);
        alpha = Math.Min(1, k.Alpha + fresnel + sp * 0.9);
        c = albedo * (0.55 + 0.45 * nz) + Rgb.Grey(sp * 1.2);
        return true;
    }

    private static double CanRadius(in Look k, double u, out int zone)
    {
        double R = k.W / (k.Variant == 1 ? 2.4 : 2), h = k.L / 2;
        zone = -1;
        if (u < -h || u > h) return 0;
        double r;
        if (Math.Abs(u) > h - 0.02 * k.L) { zone = 1; r = 0.96 * R; }
        else if (u > h - 0.09 * k.L) { zone = 2; double t = (u - (h - 0.09 * k.L)) / (0.07 * k.L); r = R * (1 - 0.14 * t); }
        else { zone = 0; r = R; }
        if (k.Variant == 1) r *= 0.7 + 0.5 * ValueNoise.Fbm(u * 40, 0.5, k.Seed);
        return r;
    }

    private static bool ShadeCan(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double r = CanRadius(k, u, out int zone);
        if (Math.Abs(v) >= r) return false;
        const double e = 0.002;
        double dr = Math.Clamp((CanRadius(k, u + e, out _) - CanRadius(k, u - e, out _)) / (2 * e), -3, 3);
        RevolutionNormal(r, dr, v, out double nu, out double nv, out double nz);
        if (k.Variant == 1)
        {
            nu += (ValueNoise.Fbm(u * 70, v * 70, k.Seed) - 0.5) * 2.0;
            nv += (ValueNoise.Fbm(u * 70 + 5, v * 70, k.Seed + 2) - 0.5) * 1.5;
        }
        Rgb albedo;
        if (zone != 0) albedo = Metal;
        else
        {
            albedo = k.C1;
            if (k.P1 == 0 && Math.Abs(u) < 0.12 * k.L) albedo = k.C2;
            else if (k.P1 == 1 && ((int)((nv + 1) * 4) & 1) == 0) albedo = k.C2;
            else if (k.P1 == 2 && u * u + (nv * k.W * 0.6) * (nv * k.W * 0.6) < 0.018 * 0.018) albedo = k.C2;
        }
        c = Lit(k, albedo, nu, nv, nz, 0.9, 30);
        return true;
    }

    private static bool RaggedRect(in Look k, double u, double v, double rag, out double edgeDist)
    {
        double h = k.L / 2 - rag, hw = k.W / 2 - rag;
        double eu = h + (ValueNoise.Noise(v * 40, 1.5, k.Seed) - 0.5) * 2 * rag;
        double ev = hw + (ValueNoise.Noise(u * 40, 4.5, k.Seed) - 0.5) * 2 * rag;
        edgeDist = Math.Min(eu - Math.Abs(u), ev - Math.Abs(v));
        return edgeDist > 0;
    }

    private static bool ShadeCardboard(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        if (!RaggedRect(k, u, v, 0.006, out double edge)) return false;
        double nu = 0, nv = 0.06 * Math.Sin(v * 2 * Math.PI / k.P1), nz = 1;
        Rgb albedo = k.C1 * (0.85 + 0.25 * ValueNoise.Fbm(u * 30, v * 30, k.Seed));
        if (edge < 0.004) albedo = ((int)(u / k.P1 * 2) & 1) == 0 ? k.C1 * 0.6 : k.C1 * 0.9;
        if (k.Variant == 2) { double cu = u - 0.18 * k.L; if (Math.Abs(cu) < 0.03) nu = cu > 0 ? 0.35 : -0.25; }
        if (k.Variant == 0 && Math.Abs(v) < 0.024)
        {
            albedo = Rgb.Lerp(albedo, new Rgb(0.78, 0.64, 0.42), 0.65);
            c = Lit(k, albedo, nu, nv, nz, 0.5, 25);
            return true;
        }
        if (k.Variant == 1 && ValueNoise.Noise(u * 25, v * 25, k.Seed + 7) > 0.66) albedo = k.C2 * 0.9;
        c = Lit(k, albedo, nu, nv, nz, 0.04, 8);
        return true;
    }

    private static bool ShadePaper(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double rag = k.Variant == 1 ? 0.015 : 0.004;
        if (!RaggedRect(k, u, v, rag, out double edge)) return false;
        double nu = 0, nv = 0, nz = 1;
        if (k.Variant == 1)
        {
            nu = (ValueNoise.Fbm(u * 45, v * 45, k.Seed) - 0.5) * 2.2;
            nv = (ValueNoise.Fbm(u * 45 + 11, v * 45, k.Seed + 3) - 0.5) * 2.2;
        }
        Rgb albedo = k.C1;
        double margin = 0.012;
        if (edge > margin)
        {
            double rowPos = (v + k.W / 2) / k.P1;
            int row = (int)Math.Floor(rowPos);
            if (rowPos - row < 0.38 && ValueNoise.Noise(u * 110, row * 7.3, k.Seed) > 0.38) albedo = Rgb.Grey(0.3);
            if (k.Seed % 3 == 0 && ValueNoise.Noise(u * 12, v * 12, k.Seed + 9) > 0.72) albedo = k.C2;
        }
        c = Lit(k, albedo, nu, nv, nz, 0.05, 8);
        return true;
    }

    private static bool Blob(in Look k, double u, double v, double wobble, out double rho)
    {
        double a = u / (k.L / 2), b = v / (k.W / 2);
        rho = Math.Sqrt(a * a + b * b);
        if (rho >= 1) return false;
        double th = Math.Atan2(b, a);
        double lim = 1 - wobble + wobble * ValueNoise.Fbm(Math.Cos(th) * 2 + 3, Math.Sin(th) * 2 + 3, k.Seed);
        return rho < lim;
    }

    private static bool ShadeFilm(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = k.Alpha;
        if (!Blob(k, u, v, 0.45, out _)) return false;
        double nu = (ValueNoise.Fbm(u * 55, v * 20, k.Seed) - 0.5) * 3.0;
        double nv = (ValueNoise.Fbm(u * 20 + 9, v * 55, k.Seed + 1) - 0.5) * 3.0;
        double n = Math.Sqrt(nu * nu + nv * nv + 1);
        nu /= n; nv /= n;
        double nz = 1 / n;
        double sp = Spec(k, nu, nv, nz, 50);
        alpha = Math.Min(1, k.Alpha + sp * 0.7);
        c = k.C1 * (0.55 + 0.45 * nz) + Rgb.Grey(sp * 1.1);
        return true;
    }

    private static bool ShadeCarton(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double h = k.L / 2, hw = k.W / 2;
        double sd = RoundRect(u, v, h, hw, 0.002);
        if (sd > 0) return false;
        BevelNormal(u, v, h, hw, 0.002, 0.005, sd, out double nu, out double nv, out double nz);
        Rgb albedo = k.C1;
        if (v < Math.Sin(u * 35 + k.Seed % 7) * 0.012) albedo = k.C2;
        if (k.Variant == 1 && Math.Abs(u) < 0.15 * k.L && Math.Abs(v) < 0.3 * k.W) albedo = Rgb.Grey(0.92);
        if (u > h - 0.02) { albedo = Rgb.Lerp(albedo, Rgb.Grey(0.9), 0.5); nu = ((int)(u * 400) & 1) == 0 ? 0.2 : -0.2; }
        c = Lit(k, albedo, nu, nv, nz, 0.25, 15);
        return true;
    }

    private static bool ShadeScrap(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = k.Alpha;
        if (!Blob(k, u, v, 0.5, out double rho)) return false;
        c = Lit(k, k.C1, u / (k.L / 2) * 0.3, v / (k.W / 2) * 0.3, 0.95, 0.1, 10) * (0.9 + 0.1 * (1 - rho));
        return true;
    }
}
