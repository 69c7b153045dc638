namespace TriVision.Simulation.Rendering;

/// <summary>
/// Spatial light falloff (vignetting, gradients, tube bands) as a per-pixel gain map, and per-preset
/// colour balance. The per-frame level (flicker, drift) is applied on top as one scalar per channel.
/// </summary>
internal sealed class LightingModel
{
    /// <summary>Per-pixel gain, 256 = 1.0.</summary>
    public readonly ushort[] Gain;
    public readonly double ChannelB, ChannelG, ChannelR, Level;

    public LightingModel(LightingPreset preset, int width, int height, ref SimRandom rng)
    {
        Gain = new ushort[width * height];
        double vig, gradX = 0, gradY = 0, band = 0, cx = 0.5, cy = 0.5;
        (ChannelR, ChannelG, ChannelB, Level, vig) = preset switch
        {
            LightingPreset.NeutralLed => (1.0, 1.0, 1.0, 1.0, 0.25),
            LightingPreset.WarmHalogen => (1.1, 0.98, 0.8, 0.95, 0.35),
            LightingPreset.CoolFluorescent => (0.93, 1.0, 1.1, 1.0, 0.2),
            LightingPreset.Skylight => (0.95, 1.0, 1.08, 1.08, 0.15),
            LightingPreset.DimSodium => (1.12, 0.96, 0.72, 0.72, 0.38),
            _ => (1.0, 1.0, 0.97, 1.15, 0.55),
        };
        switch (preset)
        {
            case LightingPreset.WarmHalogen: gradY = rng.Range(-0.12, 0.12); break;
            case LightingPreset.CoolFluorescent: band = rng.Range(0.08, 0.16); break;
            case LightingPreset.Skylight: gradX = rng.Range(-0.22, 0.22); gradY = rng.Range(-0.1, 0.1); break;
            case LightingPreset.HarshSpot: cx = rng.Range(0.3, 0.7); cy = rng.Range(0.35, 0.65); break;
        }
        double bandY = rng.Range(0.3, 0.7);
        double diag = Math.Sqrt(width * (double)width + height * (double)height) / 2;
        for (int y = 0; y < height; y++)
        {
            double ny = (double)y / height;
            for (int x = 0; x < width; x++)
            {
                double nx = (double)x / width;
                double dx = (x - cx * width) / diag, dy = (y - cy * height) / diag;
                double r2 = dx * dx + dy * dy;
                double g = 1 - vig * r2 * 1.4;
                g *= 1 + gradX * (nx - 0.5) * 2 + gradY * (ny - 0.5) * 2;
                if (band > 0) g *= 1 + band * Math.Exp(-(ny - bandY) * (ny - bandY) / 0.02);
                Gain[y * width + x] = (ushort)Math.Clamp((int)(g * 256), 16, 1023);
            }
        }
    }
}
