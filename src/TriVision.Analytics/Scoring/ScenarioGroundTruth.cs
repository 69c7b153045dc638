namespace TriVision.Analytics.Scoring;

/// <summary>
/// Everything true about one scenario: frames in time order, labelled jam onsets (scenario seconds) and
/// its length (for the per-hour rates).
/// </summary>
public sealed record ScenarioGroundTruth(
    string Name,
    double DurationSeconds,
    IReadOnlyList<GroundTruthFrame> Frames,
    IReadOnlyList<double> JamOnsetsSeconds);
