namespace TriVision.Simulation.Rendering;

/// <summary>Hash-based value noise: smooth, deterministic, allocation-free texture source.</summary>
internal static class ValueNoise
{
    public static double Hash(int x, int y, uint seed)
    {
        uint h = (uint)x * 0x8DA6B343u ^ (uint)y * 0xD8163841u ^ seed * 0xCB1AB31Fu;
        h ^= h >> 13; h *= 0x5BD1E995u; h ^= h >> 15;
        return (h & 0xFFFFFF) / (double)0x1000000;
    }

    /// <summary>Smooth noise in [0,1) with unit cell size.</summary>
    public static double Noise(double x, double y, uint seed)
    {
        int xi = (int)Math.Floor(x), yi = (int)Math.Floor(y);
        double fx = x - xi, fy = y - yi;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        double a = Hash(xi, yi, seed), b = Hash(xi + 1, yi, seed), c = Hash(xi, yi + 1, seed), d = Hash(xi + 1, yi + 1, seed);
        return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
    }

    /// <summary>Fractal sum of octaves, roughly in [0,1).</summary>
    public static double Fbm(double x, double y, uint seed, int octaves = 3)
    {
        double sum = 0, amp = 0.5, norm = 0;
        for (int i = 0; i < octaves; i++)
        {
            sum += amp * Noise(x, y, seed + (uint)i * 101u);
            norm += amp;
            x *= 2.03; y *= 2.03; amp *= 0.5;
        }
        return sum / norm;
    }
}
