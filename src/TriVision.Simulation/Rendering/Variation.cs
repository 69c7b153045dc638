namespace TriVision.Simulation.Rendering;

/// <summary>Which belt textures and lighting presets a random choice may draw from.</summary>
public enum Variation
{
    /// <summary>All variants.</summary>
    Any,
    /// <summary>Variants for training and validation splits.</summary>
    Train,
    /// <summary>Variants kept out of training, for the test split.</summary>
    Holdout,
}

internal static class VariationSets
{
    public static BeltTexture PickBelt(Variation v, ref SimRandom rng) => v switch
    {
        // a third of the training belts are procedural (domain randomisation), the rest the four plain belts
        Variation.Train => rng.Next(0, 6) is int k && k < 4 ? (BeltTexture)k : BeltTexture.Patterned,
        Variation.Holdout => (BeltTexture)rng.Next(4, 6),
        _ => (BeltTexture)rng.Next(0, 7),
    };

    public static LightingPreset PickLighting(Variation v, ref SimRandom rng) => v switch
    {
        Variation.Train => (LightingPreset)rng.Next(0, 4),
        Variation.Holdout => (LightingPreset)rng.Next(4, 6),
        _ => (LightingPreset)rng.Next(0, 6),
    };

    public static bool IsHoldout(BeltTexture t) => t is BeltTexture.BlueModular or BeltTexture.WornBrown;
    public static bool IsHoldout(LightingPreset p) => p >= LightingPreset.DimSodium;
}
