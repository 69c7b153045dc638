using System.Text.Json;
using TriVision.Service.Cli;
using TriVision.Service.Detectors;

namespace TriVision.Service.Tests.Scenarios;

/// <summary>
/// The short scenario run of CI: the real verb, the real ONNX detector and the simulator, on two hazard
/// scenarios cut to a few seconds. Checks the JSON contract of issue 5 and that every figure is in range.
/// </summary>
public class ScenariosVerbTests : IDisposable
{
    private static readonly string[] Figures =
    [
        "hazard_recall", "false_hazard_alarms_per_hour", "alarm_latency_median_ms", "eta_error_median_pct",
        "jam_lead_time_median_s", "missed_jams", "false_jam_warnings_per_hour", "id_switches_per_100_tracks",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-scen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The shipped model when it is in the checkout, else the benchmark fixture (random weights: the plumbing, not the figures).</summary>
    internal static string ModelPath()
    {
        string root = RepoRoot();
        foreach (var candidate in new[] { "models/trivision-hazard-v1.onnx", "tests/fixtures/models/bench_640.onnx" })
        {
            string path = Path.Combine(root, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"neither models/trivision-hazard-v1.onnx nor tests/fixtures/models/bench_640.onnx under {root}");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TriVision.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no TriVision.sln above {AppContext.BaseDirectory}");
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new CliContext(stdout, stderr, new OnnxDetectorFactory()));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Short_run_writes_the_issue_5_json_with_figures_in_range()
    {
        string json = Path.Combine(_dir, "scen.json");
        var (code, stdout, stderr) = Run("scenarios", "--seed", "101", "--model", ModelPath(), "--provider", "cpu",
            "--only", "hazard_fast,hazard_mixed", "--duration-scale", "0.008", "--json", json);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("hazard_fast", stdout);
        Assert.Contains("overall", stdout);
        Assert.Contains("x real time", stderr + stdout);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        CheckFigures(root.GetProperty("overall"));
        var scenarios = root.GetProperty("scenarios");
        Assert.Equal(2, scenarios.GetArrayLength());
        Assert.Equal("hazard_fast", scenarios[0].GetProperty("name").GetString());
        Assert.Equal("hazard_mixed", scenarios[1].GetProperty("name").GetString());
        foreach (var s in scenarios.EnumerateArray())
        {
            CheckFigures(s);
            // 300 s x 0.008 and 600 s x 0.008 at 30 fps.
            Assert.True(s.GetProperty("frames").GetInt64() >= 72);
        }
        Assert.Equal(72 + 144, root.GetProperty("run").GetProperty("frames").GetInt64());
        Assert.Equal(7.2, root.GetProperty("overall").GetProperty("duration_s").GetDouble(), 3);
        Assert.Equal(101UL, root.GetProperty("run").GetProperty("seed").GetUInt64());
    }

    private static void CheckFigures(JsonElement f)
    {
        foreach (var name in Figures)
            Assert.True(f.TryGetProperty(name, out _), $"'{name}' missing in {f}");
        InRangeOrNull(f, "hazard_recall", 0, 1);
        InRangeOrNull(f, "false_hazard_alarms_per_hour", 0, double.MaxValue);
        InRangeOrNull(f, "alarm_latency_median_ms", 0, 60_000);
        InRangeOrNull(f, "eta_error_median_pct", 0, double.MaxValue);
        InRangeOrNull(f, "jam_lead_time_median_s", 0, 120);
        InRangeOrNull(f, "false_jam_warnings_per_hour", 0, double.MaxValue);
        InRangeOrNull(f, "id_switches_per_100_tracks", 0, double.MaxValue);
        Assert.Equal(0, f.GetProperty("missed_jams").GetInt32());
        Assert.True(f.GetProperty("hazard_objects_alarmed").GetInt32() <= f.GetProperty("hazard_objects").GetInt32());
    }

    private static void InRangeOrNull(JsonElement f, string name, double min, double max)
    {
        var v = f.GetProperty(name);
        if (v.ValueKind == JsonValueKind.Null) return;
        double x = v.GetDouble();
        Assert.True(x >= min && x <= max, $"{name} = {x}, outside [{min}, {max}]");
    }

    [Fact]
    public void Unknown_scenario_is_a_usage_error_naming_the_known_ones()
    {
        var (code, stdout, stderr) = Run("scenarios", "--seed", "1", "--model", ModelPath(), "--only", "hazard_fast,nope");
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("'nope'", stderr);
        Assert.Contains("normal_flow", stderr);
    }

    [Fact]
    public void Missing_model_is_not_found_and_names_the_path()
    {
        string missing = Path.Combine(_dir, "absent.onnx");
        var (code, _, stderr) = Run("scenarios", "--seed", "1", "--model", missing);
        Assert.Equal(CliExitCode.NotFound, code);
        Assert.Contains(missing, stderr);
    }

    [Fact]
    public void Hazard_min_score_out_of_range_is_a_usage_error()
    {
        var (code, _, stderr) = Run("scenarios", "--seed", "1", "--hazard-min-score", "1.5");
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains("--hazard-min-score", stderr);
    }

    [Fact]
    public void Duration_scale_out_of_range_is_a_usage_error()
    {
        var (code, _, stderr) = Run("scenarios", "--seed", "1", "--duration-scale", "0");
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains("--duration-scale", stderr);
    }

    [Fact]
    public void Fps_sets_the_simulated_time_per_frame_and_is_reported_with_the_thresholds()
    {
        string json = Path.Combine(_dir, "fps.json");
        var (code, _, stderr) = Run("scenarios", "--seed", "101", "--truth-detections", "--only", "hazard_fast",
            "--duration-scale", "0.01", "--fps", "15", "--json", json);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var run = doc.RootElement.GetProperty("run");
        // 300 s x 0.01 = 3 s at 15 fps.
        Assert.Equal(45, run.GetProperty("frames").GetInt64());
        Assert.Equal(15.0, run.GetProperty("fps").GetDouble());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("conf").ValueKind);
        Assert.Equal(3.0, doc.RootElement.GetProperty("overall").GetProperty("duration_s").GetDouble(), 3);
        Assert.True(doc.RootElement.GetProperty("scenarios")[0].TryGetProperty("jam_episodes", out var episodes));
        Assert.Equal(JsonValueKind.Array, episodes.ValueKind);
    }

    [Theory]
    [InlineData("--fps", "0")]
    [InlineData("--fps", "500")]
    [InlineData("--threads", "-1")]
    public void Fps_and_threads_out_of_range_are_usage_errors(string option, string value)
    {
        var (code, _, stderr) = Run("scenarios", "--seed", "1", "--truth-detections", option, value);
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains(option, stderr);
    }

    [Fact]
    public void Detection_tape_is_recorded_then_replayed_with_the_same_figures_and_rerecorded_for_another_threshold()
    {
        string tapes = Path.Combine(_dir, "tapes");
        string[] common = ["scenarios", "--seed", "101", "--model", ModelPath(), "--provider", "cpu", "--only", "hazard_fast",
            "--duration-scale", "0.005", "--fps", "15", "--tapes", tapes];
        string first = Path.Combine(_dir, "first.json"), second = Path.Combine(_dir, "second.json");
        var (code1, _, err1) = Run([.. common, "--json", first]);
        Assert.True(code1 == 0, $"exit {code1}: {err1}");
        Assert.Contains("recorded", err1);
        Assert.Contains("(no tape yet)", err1);
        string tape = Assert.Single(Directory.GetFiles(tapes));
        Assert.EndsWith("hazard_fast-seed101-fps15.tvdet", tape);

        var (code2, _, err2) = Run([.. common, "--json", second]);
        Assert.True(code2 == 0, $"exit {code2}: {err2}");
        Assert.Contains("replayed", err2);
        using (var a = JsonDocument.Parse(File.ReadAllText(first)))
        using (var b = JsonDocument.Parse(File.ReadAllText(second)))
        {
            Assert.Equal(a.RootElement.GetProperty("scenarios")[0].GetProperty("detections").GetInt64(),
                b.RootElement.GetProperty("scenarios")[0].GetProperty("detections").GetInt64());
            foreach (var figure in Figures)
                Assert.Equal(a.RootElement.GetProperty("overall").GetProperty(figure).ToString(),
                    b.RootElement.GetProperty("overall").GetProperty(figure).ToString());
        }

        // Another threshold is another detector output: the tape does not apply and is recorded again.
        var (code3, _, err3) = Run([.. common, "--conf", "0.4"]);
        Assert.True(code3 == 0, $"exit {code3}: {err3}");
        Assert.Contains("recorded", err3);
        Assert.Contains("conf=0.25", err3);
    }

    [Fact]
    public void Corrupt_detection_tape_is_an_error_naming_the_file()
    {
        string tapes = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(tapes);
        string tape = Path.Combine(tapes, "hazard_fast-seed101-fps15.tvdet");
        File.WriteAllBytes(tape, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var (code, _, stderr) = Run("scenarios", "--seed", "101", "--model", ModelPath(), "--provider", "cpu", "--only", "hazard_fast",
            "--duration-scale", "0.005", "--fps", "15", "--tapes", tapes);
        Assert.Equal(CliExitCode.RuntimeFailure, code);
        Assert.Contains(tape, stderr);
        Assert.Contains("delete it", stderr);
    }

    [Fact]
    public void Tape_recorded_on_other_frames_is_an_error_naming_the_tape_and_the_frame()
    {
        string tapes = Path.Combine(_dir, "stale");
        string[] args = ["scenarios", "--seed", "101", "--model", ModelPath(), "--provider", "cpu", "--only", "hazard_fast",
            "--duration-scale", "0.005", "--fps", "15", "--tapes", tapes];
        var (code1, _, err1) = Run(args);
        Assert.True(code1 == 0, $"exit {code1}: {err1}");
        string tape = Assert.Single(Directory.GetFiles(tapes));
        // What a tape recorded by an older simulator looks like: frame 2's pixels fingerprint differently.
        long at;
        using (var reader = new BinaryReader(File.OpenRead(tape)))
        {
            reader.ReadString();
            reader.ReadString();
            Assert.True(reader.ReadInt64() > 3);
            for (int frame = 0; frame < 2; frame++)
            {
                reader.ReadUInt64();
                int n = reader.ReadInt32();
                reader.BaseStream.Seek(n * 24L, SeekOrigin.Current);
            }
            at = reader.BaseStream.Position;
        }
        using (var stream = File.Open(tape, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = at;
            int b = stream.ReadByte();
            stream.Position = at;
            stream.WriteByte((byte)(b ^ 0x5A));
        }
        var (code2, _, err2) = Run(args);
        Assert.Equal(CliExitCode.RuntimeFailure, code2);
        Assert.Contains(tape, err2);
        Assert.Contains("frame 2 is not the frame the tape was recorded on", err2);
    }

    [Fact]
    public void Set_changes_the_analytics_and_is_reported()
    {
        string[] common = ["scenarios", "--seed", "101", "--truth-detections", "--only", "hazard_fast", "--duration-scale", "0.1", "--fps", "15"];
        string plain = Path.Combine(_dir, "plain.json"), strict = Path.Combine(_dir, "strict.json");
        var (code1, _, err1) = Run([.. common, "--json", plain]);
        Assert.True(code1 == 0, $"exit {code1}: {err1}");
        // Truth boxes score 0.9: a new-track threshold above that starts no track, so nothing is tracked or alarmed.
        var (code2, _, err2) = Run([.. common, "--json", strict, "--set", "Tracker:NewTrackThreshold=0.95", "--set", "Analytics:Tracker:LostBufferMs=1000"]);
        Assert.True(code2 == 0, $"exit {code2}: {err2}");
        using var a = JsonDocument.Parse(File.ReadAllText(plain));
        using var b = JsonDocument.Parse(File.ReadAllText(strict));
        Assert.True(a.RootElement.GetProperty("overall").GetProperty("hazard_recall").GetDouble() > 0);
        Assert.Equal(0.0, b.RootElement.GetProperty("overall").GetProperty("hazard_recall").GetDouble());
        Assert.Equal(0, a.RootElement.GetProperty("run").GetProperty("settings").GetArrayLength());
        var settings = b.RootElement.GetProperty("run").GetProperty("settings");
        Assert.Equal("Tracker:NewTrackThreshold=0.95", settings[0].GetString());
        Assert.Equal("Analytics:Tracker:LostBufferMs=1000", settings[1].GetString());
    }

    [Theory]
    [InlineData("Tracker:NewTrakThreshold=0.5", "'Tracker:NewTrakThreshold' is unknown")]
    [InlineData("Tracker:NewTrackThreshold=0.3", "NewTrackThreshold = 0.3")]
    [InlineData("Tracker:LostBufferMs=soon", "'Tracker:LostBufferMs' = 'soon'")]
    [InlineData("Tracker", "expected KEY=VALUE")]
    public void Bad_set_is_a_usage_error_naming_the_key(string setting, string expected)
    {
        var (code, _, stderr) = Run("scenarios", "--seed", "1", "--truth-detections", "--set", setting);
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains("--set", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void A_hazards_setting_without_classes_tunes_the_shipped_rules()
    {
        var tuned = TriVision.Service.Host.ServiceConfiguration.BindAnalytics(["Hazards:MinHazardShare=0.9"]).ToAnalyzerOptions();
        Assert.Equal(0.9f, tuned.Hazards.MinHazardShare);
        Assert.Equal(["gas_cylinder", "battery", "power_bank", "aerosol_can"], tuned.Hazards.Classes.Select(c => c.Name));

        var own = TriVision.Service.Host.ServiceConfiguration.BindAnalytics(
            ["Hazards:Classes:0:ClassId=1", "Hazards:Classes:0:Name=battery", "Hazards:Classes:0:Action=StopLine"]).ToAnalyzerOptions();
        var rule = Assert.Single(own.Hazards.Classes);
        Assert.Equal(TriVision.Analytics.Hazards.HazardAction.StopLine, rule.Action);
    }
}
