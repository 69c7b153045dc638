namespace TriVision.Simulation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a value type so that streams can be forked per object
/// or per dataset image without allocation, and independent of the runtime's Random algorithm.
/// </summary>
public struct SimRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SimRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    /// <summary>A stream derived from a seed and up to two stream indices (e.g. split and image index).</summary>
    public static SimRandom Derive(ulong seed, ulong a, ulong b = 0)
    {
        ulong x = seed ^ 0x9E3779B97F4A7C15UL * (a + 1) ^ 0xC2B2AE3D27D4EB4FUL * (b + 7);
        return new SimRandom(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + (int)((NextULong() >> 33) % (ulong)(max - min));

    public bool Chance(double p) => NextDouble() < p;

    public double Gaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Exponential waiting time with the given rate (events per unit).</summary>
    public double Exponential(double rate) => -Math.Log(1.0 - NextDouble()) / rate;

    public T Pick<T>(ReadOnlySpan<T> items) => items[Next(0, items.Length)];
}
