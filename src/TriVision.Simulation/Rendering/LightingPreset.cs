namespace TriVision.Simulation.Rendering;

/// <summary>
/// Lighting set-ups (colour temperature, vignetting, gradient). The first four form the "train"
/// variation set, the last two the "holdout" set.
/// </summary>
public enum LightingPreset
{
    NeutralLed,
    WarmHalogen,
    CoolFluorescent,
    Skylight,
    DimSodium,
    HarshSpot,
}
