namespace TriVision.Analytics.Scoring;

/// <summary>Ground truth of one frame at scenario time <paramref name="TimeSeconds"/>.</summary>
public sealed record GroundTruthFrame(double TimeSeconds, IReadOnlyList<GroundTruthObject> Objects);
