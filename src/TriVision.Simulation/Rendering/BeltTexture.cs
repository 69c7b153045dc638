namespace TriVision.Simulation.Rendering;

/// <summary>
/// Belt surface variants. The first four form the "train" variation set, the last two the
/// "holdout" set that a test split uses so that a detector is scored on belts it never saw.
/// </summary>
public enum BeltTexture
{
    BlackRubber,
    RibbedRubber,
    GreyPvc,
    GreenPvc,
    BlueModular,
    WornBrown,
}
