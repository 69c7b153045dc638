namespace TriVision.Analytics.Tracking;

/// <summary>A confirmed track crossed the counting line.</summary>
public readonly record struct LineCrossing(int TrackId, int ClassId, long TimestampNs);
