using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TriVision.Analytics.Scoring;

namespace TriVision.Service.Scenarios;

/// <summary>
/// The result of <c>trivision scenarios</c>: the scorer's figures (<c>overall</c> and <c>scenarios</c>, the
/// interface of issue 5) plus a <c>run</c> object saying what produced them and how fast.
/// </summary>
public sealed class ScenarioReport
{
    public ScenarioReport(ScoringReport scoring, IReadOnlyList<ScenarioRunResult> runs, ulong seed, string model, double durationScale)
    {
        Scoring = scoring ?? throw new ArgumentNullException(nameof(scoring));
        Runs = runs ?? throw new ArgumentNullException(nameof(runs));
        Seed = seed;
        Model = model;
        DurationScale = durationScale;
        foreach (var r in runs)
        {
            SimulatedSeconds += r.SimulatedSeconds;
            WallSeconds += r.WallSeconds;
            Frames += r.Frames;
        }
    }

    public ScoringReport Scoring { get; }
    public IReadOnlyList<ScenarioRunResult> Runs { get; }
    public ulong Seed { get; }
    public string Model { get; }
    public double DurationScale { get; }

    /// <summary>Camera frame rate the scenarios ran at (simulated seconds per frame = 1/fps).</summary>
    public double Fps { get; init; } = 30;

    /// <summary>Detector score threshold; null with truth detections.</summary>
    public float? Conf { get; init; }

    /// <summary>The hazard rules' minimum score when overridden; null: the rules' defaults.</summary>
    public float? HazardMinScore { get; init; }

    /// <summary>Analytics settings given with <c>--set</c> (KEY=VALUE), in order; empty: the defaults.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
    public double SimulatedSeconds { get; }
    public double WallSeconds { get; }
    public long Frames { get; }
    public double SpeedUp => WallSeconds > 0 ? SimulatedSeconds / WallSeconds : 0;

    public string ToJson()
    {
        var root = JsonNode.Parse(Scoring.ToJson())!.AsObject();
        var scenarios = root["scenarios"]!.AsArray();
        for (int i = 0; i < scenarios.Count && i < Runs.Count; i++)
        {
            var s = scenarios[i]!.AsObject();
            s["frames"] = Runs[i].Frames;
            s["wall_s"] = Math.Round(Runs[i].WallSeconds, 3);
            s["speed_up"] = Math.Round(Runs[i].SpeedUp, 3);
            s["detections"] = Runs[i].Detections;
            s["render_s"] = Math.Round(Runs[i].Stages.RenderSeconds, 3);
            s["detect_s"] = Math.Round(Runs[i].Stages.DetectSeconds, 3);
            s["analyze_s"] = Math.Round(Runs[i].Stages.AnalyzeSeconds, 3);
            var episodes = new JsonArray();
            foreach (var e in Runs[i].Score.JamEpisodes)
            {
                episodes.Add(new JsonObject
                {
                    ["start_s"] = Math.Round(e.StartSeconds, 2),
                    ["end_s"] = e.EndSeconds is { } end ? Math.Round(end, 2) : null,
                    ["worst_state"] = e.WorstState.ToString().ToLowerInvariant(),
                    ["reason"] = e.Reason,
                    ["onset_s"] = e.OnsetSeconds is { } onset ? Math.Round(onset, 2) : null,
                });
            }
            s["jam_episodes"] = episodes;
            var falseAlarms = new JsonArray();
            foreach (var f in Runs[i].Score.FalseHazardAlarms)
            {
                falseAlarms.Add(new JsonObject
                {
                    ["time_s"] = Math.Round(f.TimeSeconds, 2),
                    ["track_id"] = f.TrackId,
                    ["class"] = ClassName(f.ClassId),
                    ["kind"] = f.Kind,
                    ["truth_class"] = f.TruthClassId is { } t ? ClassName(t) : null,
                    ["truth_kind"] = f.TruthKind,
                    ["confidence"] = float.IsFinite(f.Confidence) ? Math.Round(f.Confidence, 3) : null,
                });
            }
            s["false_hazard_alarm_list"] = falseAlarms;
            var missedHazards = new JsonArray();
            foreach (var m in Runs[i].Score.MissedHazards)
            {
                missedHazards.Add(new JsonObject
                {
                    ["object_id"] = m.ObjectId,
                    ["class"] = ClassName(m.ClassId),
                    ["kind"] = m.Kind,
                    ["first_seen_s"] = Math.Round(m.FirstSeenSeconds, 2),
                    ["visible_s"] = Math.Round(m.VisibleSeconds, 2),
                    ["tracked_s"] = Math.Round(m.TrackedSeconds, 2),
                    ["track_class"] = m.TrackClassId is { } tc ? ClassName(tc) : null,
                });
            }
            s["missed_hazard_list"] = missedHazards;
        }
        root["run"] = new JsonObject
        {
            ["seed"] = Seed,
            ["model"] = Model,
            ["duration_scale"] = DurationScale,
            ["fps"] = Fps,
            ["conf"] = Conf is { } c ? Math.Round(c, 4) : null,
            ["hazard_min_score"] = HazardMinScore is { } h ? Math.Round(h, 4) : null,
            ["settings"] = new JsonArray(Settings.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
            ["frames"] = Frames,
            ["simulated_hours"] = Math.Round(SimulatedSeconds / 3600.0, 4),
            ["wall_s"] = Math.Round(WallSeconds, 3),
            ["speed_up"] = Math.Round(SpeedUp, 3),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string ClassName(int id) => id >= 0 && id < TriVision.Simulation.SimClasses.Count ? TriVision.Simulation.SimClasses.Names[id] : id.ToString(CultureInfo.InvariantCulture);

    /// <summary>One row per scenario and the overall row; "-" where a figure does not apply.</summary>
    public void WriteTable(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "scenario", "sim s", "recall", "false haz/h", "latency ms", "ETA err %", "jam lead s", "missed jams", "false jam/h", "id sw/100", "x real time" })
            table.AddColumn(new TableColumn(h).RightAligned());
        table.Columns[0].LeftAligned();
        for (int i = 0; i < Scoring.Scenarios.Count; i++)
            table.AddRow(Row(Scoring.Scenarios[i], i < Runs.Count ? Runs[i].SpeedUp : null));
        table.AddEmptyRow();
        table.AddRow(Row(Scoring.Overall, SpeedUp));
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {Seed}, model {Model}, {Fps:0.#} fps: {SimulatedSeconds / 3600.0:0.###} simulated hours ({Frames} frames) in {WallSeconds:0.0} s wall time, {SpeedUp:0.00}x real time"));
    }

    private static string[] Row(ScenarioFigures f, double? speedUp) =>
    [
        Markup.Escape(f.Name),
        F(f.DurationSeconds, "0"),
        f.HazardRecall is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:P1} ({f.HazardObjectsAlarmed}/{f.HazardObjects})") : "-",
        string.Create(CultureInfo.InvariantCulture, $"{f.FalseHazardAlarmsPerHour:0.0} ({f.FalseHazardAlarms})"),
        F(f.AlarmLatencyMedianMs, "0"),
        F(f.EtaErrorMedianPct, "0.0"),
        F(f.JamLeadTimeMedianS, "0.0"),
        f.Jams > 0 ? string.Create(CultureInfo.InvariantCulture, $"{f.MissedJams}/{f.Jams}") : "-",
        string.Create(CultureInfo.InvariantCulture, $"{f.FalseJamWarningsPerHour:0.0} ({f.FalseJamWarnings})"),
        F(f.IdSwitchesPer100Tracks, "0.00"),
        F(speedUp, "0.00"),
    ];

    private static string F(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "-";
}
