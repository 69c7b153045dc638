using TriVision.Analytics.Jams;

namespace TriVision.Analytics.Scoring;

/// <summary>A jam predictor state change as output by the pipeline.</summary>
public readonly record struct JamObservation(double TimeSeconds, JamState State);
