namespace TriVision.Analytics.Scoring;

/// <summary>The pipeline's confirmed tracks at scenario time <paramref name="TimeSeconds"/> (one per processed frame).</summary>
public sealed record TrackFrame(double TimeSeconds, IReadOnlyList<TrackBox> Tracks);
