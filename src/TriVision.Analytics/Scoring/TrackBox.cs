using TriVision.Core.Detections;

namespace TriVision.Analytics.Scoring;

/// <summary>A confirmed track's box as output by the pipeline.</summary>
public readonly record struct TrackBox(int TrackId, int ClassId, BoxF Box);
