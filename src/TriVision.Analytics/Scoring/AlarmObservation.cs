using TriVision.Core.Detections;

namespace TriVision.Analytics.Scoring;

/// <summary>A hazard alarm as output by the pipeline: when, for which track/class/box, and its ETA to the stop point (NaN if none).</summary>
public readonly record struct AlarmObservation(double TimeSeconds, int TrackId, int ClassId, BoxF Box, double EtaStopSeconds, float Confidence = float.NaN);

/// <summary>
/// A hazard alarm the scorer counted as false, and why: <c>not_a_hazard</c> (it matched an object of class
/// <see cref="TruthClassId"/> that is not a hazard), <c>no_object</c> (nothing there) or <c>duplicate</c> (a second alarm on
/// a hazard object already alarmed).
/// </summary>
public sealed record FalseHazardAlarm(double TimeSeconds, int TrackId, int ClassId, string Kind, int? TruthClassId, float Confidence = float.NaN, string? TruthKind = null);

/// <summary>
/// An eligible hazard object that got no alarm of its own, with what the tracker made of it: never matched by a track
/// (the detector did not see it), or tracked under another class (the model saw it as something else).
/// </summary>
/// <param name="TrackedSeconds">Time a track was matched to it (per-frame MOT matching of the id-switch count).</param>
/// <param name="TrackClassId">The class its matched tracks carried most often; null when never tracked.</param>
/// <param name="Kind">The simulator's fine kind of the object (e.g. <c>aa_cell</c>), when the truth has it.</param>
public sealed record MissedHazard(int ObjectId, int ClassId, double FirstSeenSeconds, double VisibleSeconds, double TrackedSeconds, int? TrackClassId, string? Kind = null);
