using TriVision.Analytics.Geometry;
using TriVision.Analytics.Pipeline;

namespace TriVision.Analytics.Scoring;

/// <summary>
/// Collects a <see cref="BeltAnalyzer"/>'s outputs frame by frame into <see cref="ScenarioOutputs"/> for
/// scoring. Times are scenario seconds: (frame ns − <c>scenarioStartNs</c>) / 1e9. Offline use only
/// (allocates per frame).
/// </summary>
public sealed class ScenarioRecorder
{
    private readonly long _startNs;
    private readonly List<TrackFrame> _tracks = new();
    private readonly List<AlarmObservation> _alarms = new();
    private readonly List<JamObservation> _jams = new();

    public ScenarioRecorder(long scenarioStartNs) => _startNs = scenarioStartNs;

    public void Record(BeltAnalyzer analyzer, in FrameAnalysis frame)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        double t = (frame.TimestampNs - _startNs) * 1e-9;
        var boxes = new List<TrackBox>();
        foreach (var track in analyzer.Tracker.Tracks)
            if (track.IsConfirmed && track.MatchedThisFrame) boxes.Add(new TrackBox(track.Id, track.ClassId, track.Box));
        _tracks.Add(new TrackFrame(t, boxes));
        foreach (var a in analyzer.Hazards.Raised)
            _alarms.Add(new AlarmObservation((a.RaisedNs - _startNs) * 1e-9, a.TrackId, a.ClassId, a.Box, a.EtaSeconds(BeltPoint.StopPoint), a.Confidence));
        if (frame.JamChange is { } change) _jams.Add(new JamObservation(t, change.To, change.Reason));
    }

    public ScenarioOutputs ToOutputs() => new(_tracks.ToArray(), _alarms.ToArray(), _jams.ToArray());
}
