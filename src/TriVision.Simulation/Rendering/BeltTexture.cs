namespace TriVision.Simulation.Rendering;

/// <summary>
/// Belt surface variants. <see cref="BlackRubber"/> to <see cref="GreenPvc"/> and <see cref="Patterned"/> form the
/// "train" variation set; <see cref="BlueModular"/> and <see cref="WornBrown"/> the "holdout" set that a test split
/// uses so that a detector is scored on belts it never saw.
/// </summary>
public enum BeltTexture
{
    BlackRubber,
    RibbedRubber,
    GreyPvc,
    GreenPvc,
    BlueModular,
    WornBrown,
    /// <summary>
    /// Domain randomisation for training: a procedural surface drawn per belt from a random colour and one of several
    /// generic patterns (stripes along or across, checks, dots, chevrons, a grid of lines) with random period and
    /// contrast, so that a detector learns belt texture as background rather than the look of four particular belts.
    /// </summary>
    Patterned,
}
