using System.Diagnostics.Metrics;
using TriVision.Analytics.Alarms;
using TriVision.Analytics.Jams;
using TriVision.Analytics.Pipeline;
using TriVision.Analytics.Scoring;
using TriVision.Analytics.Tests.Support;
using TriVision.Core.Detections;
using Xunit.Abstractions;

namespace TriVision.Analytics.Tests.Pipeline;

public class BeltAnalyzerTests(ITestOutputHelper output)
{
    [Fact]
    public void Synthetic_hazard_run_scores_within_the_targets()
    {
        // 30 s of belt at 0.5 m/s (200 px/s), one object every 0.5 s, every third a hazard, 15% detection dropouts.
        var belt = new SyntheticBelt(21) { DropoutRate = 0.15 };
        for (int i = 0; i < 60; i++)
            belt.Objects.Add(new SyntheticBelt.Obj(i + 1, i % 3 == 0 ? i % 4 : 4, i * 0.5, 140 + (i * 37) % 220, 60, 50, 200, 0.85f));
        using var analyzer = new BeltAnalyzer(TestBelt.Create());
        var recorder = new ScenarioRecorder(0);
        var truth = new List<GroundTruthFrame>();
        for (int i = 0; i < 900; i++)
        {
            var (dets, gt) = belt.Frame(i);
            truth.Add(gt);
            var frame = analyzer.Process(SyntheticBelt.Ns(gt.TimeSeconds), dets);
            recorder.Record(analyzer, frame);
        }
        var score = new ScenarioScorer().Score(new ScenarioGroundTruth("synthetic", 30, truth, Array.Empty<double>()), recorder.ToOutputs());
        var f = score.Figures;
        output.WriteLine(ScoringReport.Combine(new[] { score }).ToJson());
        Assert.True(f.HazardObjects >= 15, $"{f.HazardObjects} hazard objects");
        Assert.Equal(1.0, f.HazardRecall);
        Assert.Equal(0, f.FalseHazardAlarms);
        Assert.True(f.AlarmLatencyMedianMs <= 300, $"latency {f.AlarmLatencyMedianMs} ms");
        Assert.True(f.EtaErrorMedianPct <= 10, $"ETA error {f.EtaErrorMedianPct} %");
        Assert.Equal(0, f.IdSwitches);
        Assert.Equal(0, f.FalseJamWarnings);
        Assert.Equal(0.5f, analyzer.Speed.Estimate(SyntheticBelt.Ns(30)).MetresPerSecond, 2);
        Assert.Equal(JamState.Normal, analyzer.Jam.State);
    }

    [Fact]
    public void Raised_hazards_and_jam_changes_reach_the_alarm_lifecycle()
    {
        using var dir = new TempDirectory();
        using var store = new SqliteAlarmStore(Path.Combine(dir.Path, "a.db"));
        using var alarms = new AlarmManager(store, time: new ManualTimeProvider());
        using var analyzer = new BeltAnalyzer(TestBelt.Create());
        long t = 0;
        for (int i = 0; i < 200; i++, t += 33_333_333)
        {
            // A gas cylinder in front of a belt packed wall to wall (occupancy ~0.9) that has stopped.
            var dets = new List<Detection> { new(BoxF.FromCenter(300, 250, 60, 50), 0.9f, 0) };
            for (int k = 0; k < 10; k++) dets.Add(new Detection(new BoxF(k * 128, 110, k * 128 + 120, 390), 0.8f, 4));
            var frame = analyzer.Process(t, dets.ToArray());
            foreach (var h in analyzer.Hazards.Raised) alarms.RaiseHazard(h);
            if (frame.JamChange is { } change) alarms.ApplyJamState("cam1", change);
        }
        Assert.Single(alarms.Open, a => a.Kind == AlarmKind.Hazard);
        var jam = Assert.Single(alarms.Open, a => a.Kind == AlarmKind.Jam);
        Assert.Equal(AlarmSeverity.Critical, jam.Severity);
        Assert.Equal(JamState.Jammed, analyzer.Jam.State); // objects do not move: tracks measure ~0 m/s
    }

    [Fact]
    public void Metrics_report_the_last_frame_per_camera()
    {
        using var analyzer = new BeltAnalyzer(TestBelt.Create());
        analyzer.Process(0, new[] { new Detection(new BoxF(0, 100, 320, 400), 0.9f, 4) });
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (inst, l) => { if (inst.Meter.Name == "TriVision.Analytics") l.EnableMeasurementEvents(inst); };
        listener.SetMeasurementEventCallback<float>((inst, v, tags, _) => { if (Cam(tags) == "cam1") seen[inst.Name] = v; });
        listener.SetMeasurementEventCallback<int>((inst, v, tags, _) => { if (Cam(tags) == "cam1") seen[inst.Name] = v; });
        listener.SetMeasurementEventCallback<long>((inst, v, tags, _) => { if (Cam(tags) == "cam1") seen[inst.Name] = v; });
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.Equal(0.25, seen["trivision_belt_occupancy"], 2);
        Assert.Equal(1, seen["trivision_tracks_active"]);
        Assert.Equal(0, seen["trivision_jam_state"]);
    }

    private static string? Cam(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var t in tags) if (t.Key == "camera") return t.Value as string;
        return null;
    }
}
