using TriVision.Analytics.Jams;
using TriVision.Analytics.Scoring;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Tests.Scoring;

public class ScenarioScorerTests
{
    private static readonly BoxF BoxA = new(100, 100, 160, 150);
    private static readonly BoxF BoxB = new(400, 100, 460, 150);
    private static readonly BoxF BoxW = new(700, 100, 760, 150);

    /// <summary>
    /// 10 frames per second for 3 s. Object 1 (battery) visible from t=0.5 to the end (2.5 s), arrives at the stop
    /// point at t=13. Object 2 (gas cylinder) visible from t=2.2 only (0.8 s: too short to count for recall).
    /// Object 3 is waste. Boxes do not move (the scorer does not care).
    /// </summary>
    private static ScenarioGroundTruth Truth(double duration = 3600)
    {
        var frames = new List<GroundTruthFrame>();
        for (int i = 0; i < 30; i++)
        {
            double t = i * 0.1;
            var objs = new List<GroundTruthObject>
            {
                new(1, 1, BoxA, t >= 0.5 - 1e-9 ? 1f : 0f, 3f, 13.0, "aa_cell"),
                new(2, 0, BoxB, t >= 2.2 - 1e-9 ? 1f : 0f, 3f, 20.0),
                new(3, 4, BoxW, 1f, 3f, double.NaN, "metal_can"),
            };
            frames.Add(new GroundTruthFrame(t, objs));
        }
        return new ScenarioGroundTruth("small", duration, frames, new[] { 1000.0, 2000.0 });
    }

    [Fact]
    public void Hazard_figures_match_the_hand_computation()
    {
        var alarms = new[]
        {
            new AlarmObservation(0.7, 1, 1, BoxA, 12.0),        // hit: latency 200 ms; predicted arrival 12.7 vs 13 -> 0.3/12.3
            new AlarmObservation(1.5, 9, 1, BoxA, 11.0),        // same object again: duplicate, false
            new AlarmObservation(2.4, 2, 0, BoxB, 17.6),        // object 2 alarmed (not in the recall denominator): latency 200 ms, eta exact
            new AlarmObservation(1.0, 3, 2, BoxW, 5.0),         // on waste: false
            new AlarmObservation(1.0, 4, 2, new BoxF(900, 300, 950, 350), 5.0), // on nothing: false
        };
        var s = new ScenarioScorer().Score(Truth(), new ScenarioOutputs(Array.Empty<TrackFrame>(), alarms, Array.Empty<JamObservation>()));
        var f = s.Figures;
        Assert.Equal(1, f.HazardObjects);
        Assert.Equal(1, f.HazardObjectsAlarmed);
        Assert.Equal(1.0, f.HazardRecall);
        Assert.Equal(3, f.FalseHazardAlarms);
        Assert.Equal(1, f.DuplicateHazardAlarms);
        Assert.Equal(3.0, f.FalseHazardAlarmsPerHour, 9);
        Assert.Equal(200.0, f.AlarmLatencyMedianMs!.Value, 6);
        Assert.Equal((0.3 / 12.3 * 100 + 0.0) / 2, f.EtaErrorMedianPct!.Value, 6);
        // each false alarm is listed with why it is false
        Assert.Equal(new[] { "duplicate", "not_a_hazard", "no_object" }, s.FalseHazardAlarms.Select(a => a.Kind).ToArray());
        Assert.Equal(new[] { 9, 3, 4 }, s.FalseHazardAlarms.Select(a => a.TrackId).ToArray());
        Assert.Equal(4, s.FalseHazardAlarms[1].TruthClassId); // the waste object's class and kind
        Assert.Equal("metal_can", s.FalseHazardAlarms[1].TruthKind);
        Assert.Null(s.FalseHazardAlarms[2].TruthClassId);
    }

    [Fact]
    public void An_alarm_box_cut_by_the_frame_edge_still_matches_its_object()
    {
        // Object 1's true box is 100..160; the detector saw only 100..120 (IoU 1/3 is above 0.3 anyway, so use 100..115: IoU 0.25).
        var cut = new AlarmObservation(0.7, 1, 1, new BoxF(100, 100, 115, 150), 12.0);
        var s = new ScenarioScorer().Score(Truth(), new ScenarioOutputs(Array.Empty<TrackFrame>(), new[] { cut }, Array.Empty<JamObservation>()));
        Assert.Equal(1.0, s.Figures.HazardRecall);
        Assert.Equal(0, s.Figures.FalseHazardAlarms);
    }

    [Fact]
    public void Missing_alarm_lowers_recall()
    {
        var s = new ScenarioScorer().Score(Truth(), new ScenarioOutputs(Array.Empty<TrackFrame>(), Array.Empty<AlarmObservation>(), Array.Empty<JamObservation>()));
        Assert.Equal(0.0, s.Figures.HazardRecall);
        Assert.Null(s.Figures.AlarmLatencyMedianMs);
        // The battery is listed as missed and never tracked (the gas cylinder was visible too briefly to count).
        var m = Assert.Single(s.MissedHazards);
        Assert.Equal((1, 1, 0.5, 0.0), (m.ObjectId, m.ClassId, m.FirstSeenSeconds, m.TrackedSeconds));
        Assert.Equal(2.5, m.VisibleSeconds, 6);
        Assert.Null(m.TrackClassId);
        Assert.Equal("aa_cell", m.Kind);
    }

    [Fact]
    public void A_missed_hazard_tracked_as_waste_says_so()
    {
        // The battery (object 1) is tracked from t=1.0 to 2.9 (20 frames), as waste for 15 frames and as battery for 5.
        var tracks = new List<TrackFrame>();
        for (int i = 10; i < 30; i++)
            tracks.Add(new TrackFrame(i * 0.1, new[] { new TrackBox(7, i < 25 ? 4 : 1, BoxA) }));
        var s = new ScenarioScorer().Score(Truth(), new ScenarioOutputs(tracks, Array.Empty<AlarmObservation>(), Array.Empty<JamObservation>()));
        var m = Assert.Single(s.MissedHazards);
        Assert.Equal(4, m.TrackClassId);
        Assert.Equal(2.0, m.TrackedSeconds, 6);
    }

    [Fact]
    public void Jam_lead_missed_and_false_warnings()
    {
        // Onsets at 1000 s and 2000 s. Warning 985..1010 predicts the first (lead 15 s); a warning at 1500..1520 is false;
        // nothing around 2000 s: missed.
        var states = new[]
        {
            new JamObservation(985, JamState.Warning),
            new JamObservation(995, JamState.Critical),
            new JamObservation(1001, JamState.Jammed),
            new JamObservation(1010, JamState.Normal),
            new JamObservation(1500, JamState.Warning),
            new JamObservation(1520, JamState.Normal),
        };
        var s = new ScenarioScorer().Score(Truth(7200), new ScenarioOutputs(Array.Empty<TrackFrame>(), Array.Empty<AlarmObservation>(), states));
        Assert.Equal(15.0, s.Figures.JamLeadTimeMedianS);
        Assert.Equal(1, s.Figures.MissedJams);
        Assert.Equal(1, s.Figures.FalseJamWarnings);
        Assert.Equal(0.5, s.Figures.FalseJamWarningsPerHour, 9);
    }

    [Fact]
    public void A_warning_that_clears_before_the_jam_and_the_jam_itself_are_one_event()
    {
        // Onset at 1000 s: a warning 900..990 clears, the belt jams at 1002 (within the 5 s tolerance). One predicted jam,
        // lead 100 s from the first warning; a warning at 1500 s is still false; nothing near the 2000 s onset: missed.
        var states = new[]
        {
            new JamObservation(900, JamState.Warning, "occupancy_trend"),
            new JamObservation(990, JamState.Normal),
            new JamObservation(1002, JamState.Jammed, "stall"),
            new JamObservation(1030, JamState.Normal),
            new JamObservation(1500, JamState.Warning, "speed_drop"),
            new JamObservation(1520, JamState.Normal),
        };
        var s = new ScenarioScorer().Score(Truth(3600), new ScenarioOutputs(Array.Empty<TrackFrame>(), Array.Empty<AlarmObservation>(), states));
        Assert.Equal(100.0, s.Figures.JamLeadTimeMedianS);
        Assert.Equal(1, s.Figures.MissedJams);
        Assert.Equal(1, s.Figures.FalseJamWarnings);
        Assert.Equal(3, s.JamEpisodes.Count);
        Assert.Equal(new double?[] { 1000, 1000, null }, s.JamEpisodes.Select(e => e.OnsetSeconds).ToArray());
        Assert.Equal(JamState.Jammed, s.JamEpisodes[1].WorstState);
        Assert.Equal("speed_drop", s.JamEpisodes[2].Reason);
    }

    [Fact]
    public void Id_switches_are_counted_mot_style()
    {
        // Object 1 is tracked as 5, then 6 (switch), then 5 again (switch); object 3 keeps 7. 2 switches over 2 tracked objects.
        var frames = new List<TrackFrame>();
        for (int i = 0; i < 30; i++)
        {
            int idA = i < 10 ? 5 : i < 20 ? 6 : 5;
            var boxes = new List<TrackBox> { new(7, 4, BoxW) };
            if (i >= 5) boxes.Add(new TrackBox(idA, 1, BoxA));
            frames.Add(new TrackFrame(i * 0.1, boxes));
        }
        var s = new ScenarioScorer().Score(Truth(), new ScenarioOutputs(frames, Array.Empty<AlarmObservation>(), Array.Empty<JamObservation>()));
        Assert.Equal(2, s.Figures.IdSwitches);
        Assert.Equal(2, s.Figures.GroundTruthTracks);
        Assert.Equal(100.0, s.Figures.IdSwitchesPer100Tracks);
    }

    [Fact]
    public void Report_pools_scenarios_and_writes_the_contract_names()
    {
        var scorer = new ScenarioScorer();
        var a = scorer.Score(Truth(1800), new ScenarioOutputs(Array.Empty<TrackFrame>(), new[] { new AlarmObservation(0.7, 1, 1, BoxA, 12.0) }, Array.Empty<JamObservation>()));
        var b = scorer.Score(Truth(1800) with { Name = "other" }, new ScenarioOutputs(Array.Empty<TrackFrame>(), new[] { new AlarmObservation(0.9, 1, 1, BoxW, 12.0) }, Array.Empty<JamObservation>()));
        var report = ScoringReport.Combine(new[] { a, b });
        Assert.Equal(0.5, report.Overall.HazardRecall);
        Assert.Equal(1.0, report.Overall.FalseHazardAlarmsPerHour, 9); // 1 false alarm in 1 hour in all
        Assert.Equal(2, report.Scenarios.Count);
        string json = report.ToJson();
        foreach (var key in new[] { "overall", "scenarios", "hazard_recall", "false_hazard_alarms_per_hour", "alarm_latency_median_ms",
                     "eta_error_median_pct", "jam_lead_time_median_s", "missed_jams", "false_jam_warnings_per_hour", "id_switches_per_100_tracks" })
            Assert.Contains($"\"{key}\"", json);
    }
}
