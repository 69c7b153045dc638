using TriVision.Core.Detections;

namespace TriVision.Analytics.Scoring;

/// <summary>A hazard alarm as output by the pipeline: when, for which track/class/box, and its ETA to the stop point (NaN if none).</summary>
public readonly record struct AlarmObservation(double TimeSeconds, int TrackId, int ClassId, BoxF Box, double EtaStopSeconds, float Confidence = float.NaN);

/// <summary>
/// A hazard alarm the scorer counted as false, and why: <c>not_a_hazard</c> (it matched an object of class
/// <see cref="TruthClassId"/> that is not a hazard), <c>no_object</c> (nothing there) or <c>duplicate</c> (a second alarm on
/// a hazard object already alarmed).
/// </summary>
public sealed record FalseHazardAlarm(double TimeSeconds, int TrackId, int ClassId, string Kind, int? TruthClassId, float Confidence = float.NaN);
