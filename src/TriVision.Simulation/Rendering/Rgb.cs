namespace TriVision.Simulation.Rendering;

/// <summary>A linear-ish colour in 0..1 per channel, used while painting sprites and textures.</summary>
internal readonly record struct Rgb(double R, double G, double B)
{
    public static Rgb Grey(double v) => new(v, v, v);
    public static Rgb operator *(Rgb c, double k) => new(c.R * k, c.G * k, c.B * k);
    public static Rgb operator +(Rgb a, Rgb b) => new(a.R + b.R, a.G + b.G, a.B + b.B);
    public static Rgb Lerp(Rgb a, Rgb b, double t) => new(a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);
    public Rgb Mul(Rgb o) => new(R * o.R, G * o.G, B * o.B);

    /// <summary>Random variation of a base colour: brightness and a little hue shift.</summary>
    public Rgb Jitter(ref SimRandom rng, double amount)
    {
        double k = 1 + rng.Range(-amount, amount);
        return new Rgb(Math.Clamp(R * k + rng.Range(-amount, amount) * 0.3, 0, 1),
                       Math.Clamp(G * k + rng.Range(-amount, amount) * 0.3, 0, 1),
                       Math.Clamp(B * k + rng.Range(-amount, amount) * 0.3, 0, 1));
    }
}
