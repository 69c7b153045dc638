namespace TriVision.Analytics.Scoring;

/// <summary>What the pipeline produced for one scenario.</summary>
public sealed record ScenarioOutputs(
    IReadOnlyList<TrackFrame> Tracks,
    IReadOnlyList<AlarmObservation> Alarms,
    IReadOnlyList<JamObservation> JamStates);
