using TriVision.Analytics.Scoring;
using TriVision.Analytics.Tests.Support;
using TriVision.Analytics.Tracking;

namespace TriVision.Analytics.Tests.Tracking;

/// <summary>Runs a tracker over a synthetic belt and scores it with the real scorer.</summary>
internal static class TrackerRun
{
    public static (ScenarioFigures Figures, BeltTracker Tracker) Run(SyntheticBelt belt, int frames, TrackerOptions? options = null)
    {
        var tracker = new BeltTracker(TestBelt.Create(), options);
        var truth = new List<GroundTruthFrame>();
        var outputs = new List<TrackFrame>();
        for (int i = 0; i < frames; i++)
        {
            var (dets, gt) = belt.Frame(i);
            truth.Add(gt);
            tracker.Update(SyntheticBelt.Ns(gt.TimeSeconds), dets);
            var boxes = new List<TrackBox>();
            foreach (var t in tracker.Tracks)
                if (t.IsConfirmed && t.MatchedThisFrame) boxes.Add(new TrackBox(t.Id, t.ClassId, t.Box));
            outputs.Add(new TrackFrame(gt.TimeSeconds, boxes));
        }
        var score = new ScenarioScorer().Score(
            new ScenarioGroundTruth("tracker", frames / belt.Fps, truth, Array.Empty<double>()),
            new ScenarioOutputs(outputs, Array.Empty<AlarmObservation>(), Array.Empty<JamObservation>()));
        return (score.Figures, tracker);
    }
}
