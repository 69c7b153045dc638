using TriVision.Analytics.Scoring;

namespace TriVision.Service.Scenarios;

/// <summary>One scenario's score and what it took to get it.</summary>
/// <param name="Score">Figures and the samples behind the medians.</param>
/// <param name="Frames">Frames rendered, detected and analysed.</param>
/// <param name="SimulatedSeconds">Simulated time covered.</param>
/// <param name="WallSeconds">Wall time of the run (rendering, inference, analytics, recording).</param>
/// <param name="Detections">Detections handed to the analyzer over the run.</param>
/// <param name="Stages">Where the wall time went.</param>
public sealed record ScenarioRunResult(ScenarioScore Score, long Frames, double SimulatedSeconds, double WallSeconds, long Detections, ScenarioStageTimes Stages)
{
    /// <summary>Simulated seconds per wall second.</summary>
    public double SpeedUp => WallSeconds > 0 ? SimulatedSeconds / WallSeconds : 0;

    /// <summary>Whether the detections were replayed from a tape or recorded to one, and where (empty: no tape).</summary>
    public string Tape { get; init; } = "";
}
