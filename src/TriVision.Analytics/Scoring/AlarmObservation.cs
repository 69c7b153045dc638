using TriVision.Core.Detections;

namespace TriVision.Analytics.Scoring;

/// <summary>A hazard alarm as output by the pipeline: when, for which track/class/box, and its ETA to the stop point (NaN if none).</summary>
public readonly record struct AlarmObservation(double TimeSeconds, int TrackId, int ClassId, BoxF Box, double EtaStopSeconds);
