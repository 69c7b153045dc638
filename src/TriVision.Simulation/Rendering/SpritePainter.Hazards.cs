using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Rendering;

internal static partial class SpritePainter
{
    private static double Spec(in Look k, double nu, double nv, double nz, double shininess)
    {
        double wx = nu * k.Cos - nv * k.Sin, wy = nu * k.Sin + nv * k.Cos;
        return Math.Pow(Math.Max(0, wx * Hx + wy * Hy + nz * Hz), shininess);
    }

    // Gas bottle zones: 0 body, 1 foot ring, 2 shroud, 3 valve.
    private static double GasRadius(in Look k, double u, out int zone)
    {
        double R = k.W / 2, h = k.L / 2;
        double valveLen = 0.06 * k.L, shroudLen = 0.13 * k.L, footLen = 0.05 * k.L;
        double a = -h + footLen * 0.4, b = h - valveLen - shroudLen * 0.6;
        double e = Math.Min(0.5 * R, (b - a) / 2);
        double best = 0; zone = -1;
        if (u >= a && u <= b) { best = Math.Min(Dome(u - a, e, R), Dome(b - u, e, R)); zone = 0; }
        if (u >= -h && u <= -h + footLen + e * 0.5 && 0.86 * R > best) { best = 0.86 * R; zone = 1; }
        if (u >= b - e * 0.7 && u <= h - valveLen && 0.58 * R > best) { best = 0.58 * R; zone = 2; }
        if (u > h - valveLen && u <= h && 0.2 * R > best) { best = 0.2 * R; zone = 3; }
        return best;
    }

    private static bool ShadeGasBottle(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double r = GasRadius(k, u, out int zone);
        if (Math.Abs(v) >= r) return false;
        const double e = 0.002;
        double dr = Math.Clamp((GasRadius(k, u + e, out _) - GasRadius(k, u - e, out _)) / (2 * e), -3, 3);
        RevolutionNormal(r, dr, v, out double nu, out double nv, out double nz);
        double R = k.W / 2, h = k.L / 2;
        Rgb albedo;
        double spec = 0.35, shin = 22;
        switch (zone)
        {
            case 0:
                albedo = k.C1;
                if (k.Variant == 1 && u > -0.12 * k.L && u < 0.12 * k.L)
                {
                    albedo = k.C2;
                    if (Math.Abs(nv) < 0.5 && ((int)((u + h) / 0.012) & 1) == 0 && ValueNoise.Noise(u * 200, v * 60, k.Seed) > 0.45) albedo = Rgb.Grey(0.12);
                }
                else if (k.Variant == 2 && Math.Abs(u + 0.05 * k.L) < 0.07 * k.L && Math.Abs(nv + 0.2) < 0.35)
                {
                    albedo = Rgb.Grey(0.9);
                    if (ValueNoise.Noise(u * 300, v * 300, k.Seed) > 0.6) albedo = Rgb.Grey(0.2);
                }
                double wear = ValueNoise.Fbm(u * 60, v * 60, k.Seed + 3);
                if (wear > 1 - k.P1 * 0.6) { albedo = Rgb.Lerp(albedo, new Rgb(0.45, 0.3, 0.2), 0.6); spec = 0.15; }
                break;
            case 1:
                albedo = k.C1 * 0.7; spec = 0.2;
                break;
            case 2:
                albedo = k.C1 * 0.95;
                double mid = h - 0.06 * k.L - 0.06 * k.L;
                if (Math.Abs(v) < 0.28 * R && Math.Abs(u - mid) < 0.03 * k.L) albedo = Rgb.Grey(0.06);
                break;
            default:
                albedo = Brass; spec = 0.9; shin = 40;
                break;
        }
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }

    // EN 417 cartridge lying on its side: crimped bottom, domed metal top, threaded valve.
    private static double CartridgeRadius(in Look k, double u, out int zone)
    {
        double R = k.W / 2, h = k.L / 2, nub = 0.1 * k.L;
        zone = -1;
        if (u >= -h && u <= h - nub) { zone = 0; return Math.Min(Dome(u + h, 0.1 * R, R), Dome(h - nub - u, 0.3 * R, R)); }
        if (u > h - nub && u <= h) { zone = 1; return 0.2 * R; }
        return 0;
    }

    private static bool ShadeCartridgeLying(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double r = CartridgeRadius(k, u, out int zone);
        if (Math.Abs(v) >= r) return false;
        const double e = 0.001;
        double dr = Math.Clamp((CartridgeRadius(k, u + e, out _) - CartridgeRadius(k, u - e, out _)) / (2 * e), -3, 3);
        RevolutionNormal(r, dr, v, out double nu, out double nv, out double nz);
        double h = k.L / 2, nub = 0.1 * k.L, R = k.W / 2;
        Rgb albedo = k.C1;
        double spec = 0.45, shin = 25;
        if (zone == 1)
        {
            albedo = ((int)((u - h) / 0.0015) & 1) == 0 ? Brass : Metal * 0.8; // thread
            spec = 0.9; shin = 40;
        }
        else if (u < -h + 0.05 * k.L || u > h - nub - 0.3 * R)
        {
            albedo = Metal; spec = 0.9; shin = 40;
            if (Math.Abs(u - (h - nub - 0.3 * R)) < 0.002 || Math.Abs(u + h - 0.05 * k.L) < 0.0015) albedo = Metal * 0.55; // crimp rings
        }
        else if (ValueNoise.Fbm(u * 45, nv * 3, k.Seed) > 0.62) albedo = k.C2;
        else if (Math.Abs(u) < 0.08 * k.L) albedo = Rgb.Grey(0.92);
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }

    private static bool ShadeCartridgeStanding(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double R = k.W / 2, rho = Math.Sqrt(u * u + v * v) / R;
        if (rho >= 1) return false;
        double nu, nv, nz;
        Rgb albedo;
        double spec = 0.5, shin = 30;
        double du = rho > 1e-6 ? u / (rho * R) : 0, dv = rho > 1e-6 ? v / (rho * R) : 0;
        if (rho > 0.86)
        {
            double t = (rho - 0.93) / 0.07; // torus-like rim
            nu = du * t * 0.9; nv = dv * t * 0.9; nz = Math.Sqrt(Math.Max(0.05, 1 - t * t * 0.81));
            albedo = Metal; spec = 0.9;
        }
        else
        {
            double tilt = rho * 0.45;
            nu = du * tilt; nv = dv * tilt; nz = Math.Sqrt(1 - tilt * tilt);
            albedo = k.P1 > 0.5 ? Metal * 0.95 : k.C1;
            if (Math.Abs(rho - 0.55) < 0.025) albedo *= 0.6;
            if (rho < 0.17) { albedo = rho < 0.08 ? Rgb.Grey(0.15) : Brass; spec = 0.9; }
        }
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }

    private static double CellRadius(in Look k, double u, out int zone)
    {
        double R = k.W / 2, h = k.L / 2, nub = 0.025 * k.L;
        zone = -1;
        if (u >= -h && u <= h - nub) { zone = 0; return Math.Min(Dome(u + h, 0.12 * R, R), Dome(h - nub - u, 0.12 * R, R)); }
        if (u > h - nub && u <= h) { zone = 1; return 0.33 * R; }
        return 0;
    }

    private static bool ShadeCell(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double r = CellRadius(k, u, out int zone);
        if (Math.Abs(v) >= r) return false;
        double e = k.L * 0.01;
        double dr = Math.Clamp((CellRadius(k, u + e, out _) - CellRadius(k, u - e, out _)) / (2 * e), -3, 3);
        RevolutionNormal(r, dr, v, out double nu, out double nv, out double nz);
        double h = k.L / 2, t = (u + h) / k.L;
        Rgb albedo;
        double spec = 0.55, shin = 28;
        if (zone == 1 || t < 0.02) { albedo = Metal; spec = 1.0; shin = 45; }
        else
        {
            double split = 1 - 0.025 - k.P1;
            albedo = t > split ? k.C2 : k.C1;
            if (Math.Abs(t - split) < 0.035) albedo = k.C3;
            if (t > 0.15 && t < split - 0.08 && Math.Abs(nv + 0.1) < 0.45 && ValueNoise.Noise(u * 900, v * 400, k.Seed) > 0.58)
                albedo = Rgb.Lerp(albedo, Rgb.Grey(albedo.R + albedo.G + albedo.B > 1.2 ? 0.1 : 0.92), 0.8);
        }
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }

    private static bool ShadeNineVolt(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double h = k.L / 2, hw = k.W / 2;
        double sd = RoundRect(u, v, h, hw, 0.002);
        if (sd > 0) return false;
        BevelNormal(u, v, h, hw, 0.002, 0.0035, sd, out double nu, out double nv, out double nz);
        Rgb albedo = (u + h) / k.L < k.P1 ? k.C2 : k.C1;
        double spec = 0.3, shin = 20;
        double tu = h - 0.0075;
        double d1 = Math.Sqrt((u - tu) * (u - tu) + (v - 0.0064) * (v - 0.0064));
        double d2 = Math.Max(Math.Abs(u - tu), Math.Abs(v + 0.0064)) ;
        if (u > h - 0.014) albedo = Rgb.Grey(0.1);
        if (d1 < 0.0036 || d2 < 0.0036)
        {
            albedo = Metal; spec = 1.0; shin = 40;
            double rr = d1 < 0.0036 ? d1 : d2;
            nu = 0; nv = 0; nz = 1;
            if (rr > 0.0024) albedo = Metal * 0.55;
        }
        else if (ValueNoise.Noise(u * 500, v * 500, k.Seed) > 0.72 && u < h - 0.016) albedo = Rgb.Lerp(albedo, Rgb.Grey(0.95), 0.7);
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }

    private static bool ShadePouch(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double bodyL = k.L - 0.008, h = bodyL / 2, hw = k.W / 2;
        double bu = u + 0.004;
        double sd = RoundRect(bu, v, h, hw, 0.003);
        if (sd > 0)
        {
            // Tabs stick out of the sealed edge.
            if (bu > h - 0.001 && bu < h + 0.008 && (Math.Abs(v - 0.3 * hw) < 0.0028 || Math.Abs(v + 0.3 * hw) < 0.0028))
            {
                c = Lit(k, v > 0 ? Metal : new Rgb(0.75, 0.7, 0.6), 0, 0, 1, 0.9, 40);
                return true;
            }
            return false;
        }
        double bevel = Math.Min(bodyL, k.W) * 0.32;
        BevelNormal(bu, v, h, hw, 0.003, bevel, sd, out double nu, out double nv, out double nz);
        double wx = ValueNoise.Fbm(u * 120, v * 120, k.Seed) - 0.5, wy = ValueNoise.Fbm(u * 120 + 7, v * 120, k.Seed + 9) - 0.5;
        nu += wx * 0.5; nv += wy * 0.5;
        Rgb albedo = k.C1;
        if (-sd < 0.003) albedo = k.C1 * 0.85;
        if (k.Variant == 1 && Math.Abs(bu) < 0.3 * bodyL && Math.Abs(v) < 0.3 * k.W)
        {
            albedo = Rgb.Grey(0.9);
            if (ValueNoise.Noise(u * 600, v * 250, k.Seed) > 0.6) albedo = k.C2;
        }
        c = Lit(k, albedo, nu, nv, Math.Max(0.2, nz), 0.7, 30);
        return true;
    }

    private static bool ShadePack(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double h = k.L / 2, hw = k.W / 2, bodyEnd = h - k.P3;
        if (u > bodyEnd)
        {
            if (u > h - 0.008 && Math.Abs(v) < 0.007) { c = Lit(k, Rgb.Grey(0.9), 0, 0, 1, 0.2, 10); return true; }
            double wire = 0.0012;
            double wv = v - 0.004 - Math.Sin(u * 120) * 0.002, bv = v + 0.004 + Math.Sin(u * 100 + 1) * 0.002;
            if (Math.Abs(wv) < wire) { c = Lit(k, new Rgb(0.8, 0.1, 0.08), 0, wv / wire * 0.8, 0.6, 0.5, 30); return true; }
            if (Math.Abs(bv) < wire) { c = Lit(k, Rgb.Grey(0.08), 0, bv / wire * 0.8, 0.6, 0.5, 30); return true; }
            return false;
        }
        if (u < -h || Math.Abs(v) >= hw) return false;
        double d = k.P2, cellR = d / 2;
        double local = (v + hw) - (Math.Floor((v + hw) / d) + 0.5) * d;
        double r = Math.Min(Dome(u + h, 0.3 * cellR, cellR), Dome(bodyEnd - u, 0.3 * cellR, cellR));
        if (Math.Abs(local) >= r) return false;
        RevolutionNormal(r, 0, local, out double nu, out double nv, out double nz);
        Rgb albedo = k.C1;
        if (k.Variant == 1 && Math.Abs(u - (bodyEnd - h) / 2 + h / 2) < 0.2 * k.L && Math.Abs(v) < hw * 0.7)
        {
            albedo = Rgb.Grey(0.88);
            if (ValueNoise.Noise(u * 500, v * 200, k.Seed) > 0.6) albedo = k.C2;
        }
        c = Lit(k, albedo, nu, nv, nz, 0.65, 35);
        return true;
    }

    private static bool ShadePowerBank(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double h = k.L / 2, hw = k.W / 2;
        double sd = RoundRect(u, v, h, hw, k.P1);
        if (sd > 0) return false;
        BevelNormal(u, v, h, hw, k.P1, 0.006, sd, out double nu, out double nv, out double nz);
        Rgb albedo = k.C1;
        double spec = 0.25 + 0.5 * k.P3, shin = 18 + 30 * k.P3;
        // Ports on the +u edge show on the bevel.
        if (u > h - 0.0025 && (Math.Abs(v) < 0.006 || (k.Variant > 0 && Math.Abs(v - 0.017) < 0.0045) || (k.Variant > 1 && Math.Abs(v + 0.017) < 0.004)))
        {
            albedo = Rgb.Grey(0.04); spec = 0.1;
        }
        // LEDs.
        double lu = h - 0.014;
        for (int i = 0; i < 4; i++)
        {
            double lv = -0.009 + i * 0.006;
            double dd = Math.Sqrt((u - lu) * (u - lu) + (v - lv) * (v - lv));
            if (i < k.P2 && dd < 0.004) albedo = Rgb.Lerp(albedo, new Rgb(0.5, 0.8, 1.0), Math.Max(0, 1 - dd / 0.004) * 0.7);
            if (dd < 0.0013) { albedo = i < k.P2 ? new Rgb(0.7, 0.95, 1.0) : Rgb.Grey(0.3); spec = 0.1; }
        }
        if (Math.Abs(u + 0.05 * k.L) < 0.16 * k.L && Math.Abs(v) < 0.11 * k.W)
        {
            double lum = k.C1.R + k.C1.G + k.C1.B;
            if (ValueNoise.Noise(u * 350, v * 350, k.Seed) > 0.45) albedo = lum > 1.5 ? Rgb.Grey(0.35) : Rgb.Grey(0.85);
        }
        double button = Math.Sqrt((u + h - 0.012) * (u + h - 0.012) + (v - hw * 0.5) * (v - hw * 0.5));
        if (button < 0.003) albedo *= button > 0.0022 ? 0.5 : 1.15;
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }

    // Aerosol zones: 0 body, 1 bottom rim, 2 shoulder, 3 cap, 4 valve cup, 5 actuator.
    private static double AerosolRadius(in Look k, double u, out int zone)
    {
        double R = k.W / 2, h = k.L / 2;
        double s0 = h - 0.26 * k.L, s1 = h - 0.14 * k.L;
        zone = -1;
        if (u < -h || u > h) return 0;
        if (k.Variant == 0 && u > s1 - 0.02 * k.L) { zone = 3; return Dome(h - u, 0.25 * R, 0.93 * R); }
        if (u < -h + 0.012) { zone = 1; return 0.94 * R; }
        if (u <= s0) { zone = 0; return R; }
        if (u <= s1) { zone = 2; double t = (u - s0) / (s1 - s0); return R * (0.62 + 0.38 * Math.Cos(t * Math.PI / 2)); }
        if (u <= h - 0.05 * k.L) { zone = 4; return 0.34 * R; }
        zone = 5; return 0.22 * R;
    }

    private static bool ShadeAerosol(ref Look k, double u, double v, out Rgb c, out double alpha)
    {
        c = default; alpha = 1;
        double r = AerosolRadius(k, u, out int zone);
        if (Math.Abs(v) >= r) return false;
        const double e = 0.002;
        double dr = Math.Clamp((AerosolRadius(k, u + e, out _) - AerosolRadius(k, u - e, out _)) / (2 * e), -3, 3);
        RevolutionNormal(r, dr, v, out double nu, out double nv, out double nz);
        double h = k.L / 2;
        Rgb albedo;
        double spec = 0.75, shin = 35;
        switch (zone)
        {
            case 0:
                albedo = k.C1;
                double t = (u + h) / k.L;
                if (k.P1 == 0) { if (t > 0.35 && t < 0.55) albedo = k.C2; }
                else if (k.P1 == 1) { if (((int)((u * 2 + nv * k.W * 1.5) / 0.02) & 1) == 0) albedo = k.C2; }
                else
                {
                    double cu = u, cv = nv * k.W * 0.8;
                    if (cu * cu + cv * cv < 0.02 * 0.02) albedo = k.C2;
                }
                if (t > 0.15 && t < 0.3 && Math.Abs(nv) < 0.5 && ValueNoise.Noise(u * 700, v * 300, k.Seed) > 0.55) albedo = k.C3;
                break;
            case 3:
                albedo = k.C3; spec = 0.35; shin = 20;
                break;
            case 5:
                albedo = Math.Abs(v) < 0.002 && u > h - 0.01 ? Rgb.Grey(0.05) : k.C3; spec = 0.3;
                break;
            default:
                albedo = Metal; spec = 1.0; shin = 45;
                break;
        }
        c = Lit(k, albedo, nu, nv, nz, spec, shin);
        return true;
    }
}
