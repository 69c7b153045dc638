using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TriVision.Analytics.Pipeline;
using TriVision.Analytics.Scoring;
using TriVision.Service.Detectors;
using TriVision.Service.Host;
using TriVision.Service.Scenarios;
using TriVision.Simulation;
using TriVision.Simulation.Scenarios;

namespace TriVision.Service.Cli;

/// <summary>
/// <c>trivision scenarios</c>: runs the simulator's hazard and jam scenarios through the detector and the
/// analytics faster than real time and scores them against the simulator's truth (issue 5's figures):
/// a table on stdout, the JSON with <c>--json</c>, progress on stderr.
/// </summary>
public sealed class ScenariosVerb : ICliVerb
{
    public const string DefaultModel = "models/trivision-hazard-v1.onnx";

    public Command Create(CliContext context)
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of every scenario (timeline, scripted hazards, rendering)", Required = true, HelpName = "N" };
        var json = new Option<string?>("--json") { Description = "Write the figures as JSON to this file ('-' for stdout instead of the table)", HelpName = "FILE" };
        var model = new Option<string>("--model", "-m") { Description = "ONNX model", DefaultValueFactory = _ => DefaultModel, HelpName = "M.onnx" };
        var only = new Option<string?>("--only") { Description = $"Comma-separated scenarios to run (default: all of {string.Join(", ", ScenarioCatalog.Names)})", HelpName = "NAME,..." };
        var scale = new Option<double>("--duration-scale") { Description = "Share of each scenario's length to run; a jam scenario still runs to 10 s past its onset", DefaultValueFactory = _ => 1.0, HelpName = "X" };
        var provider = new Option<string>("--provider") { Description = "Execution provider", DefaultValueFactory = _ => "auto" };
        provider.AcceptOnlyFromAmong("cpu", "cuda", "tensorrt", "auto");
        var truth = new Option<bool>("--truth-detections") { Description = "Feed the simulator's visible boxes instead of a model (measures tracker, rules and jam predictor alone)" };
        var hazardMin = new Option<float?>("--hazard-min-score") { Description = "Override every hazard rule's minimum score (default: the rules' own, 0.5); follows the model's calibration", HelpName = "0..1" };
        hazardMin.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float?>() is < 0f or > 1f or float.NaN) r.AddError("--hazard-min-score must be between 0 and 1.");
        });
        var conf = new Option<float>("--conf") { Description = "Detector score threshold", DefaultValueFactory = _ => 0.25f, HelpName = "0..1" };
        var fps = new Option<double?>("--fps") { Description = $"Camera frame rate: each frame advances simulated time 1/fps (default: the simulator's {new SimulatorOptions().Fps:0})", HelpName = "F" };
        fps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } f && !(f >= 1 && f <= 240)) r.AddError("--fps must be between 1 and 240.");
        });
        var tapes = new Option<string?>("--tapes")
        {
            Description = "Folder of detection tapes: the model's boxes per scenario are recorded there and replayed by later runs with the same model file, --conf, seed and --fps (tune the analytics without rerunning the model)",
            HelpName = "DIR",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Analytics setting KEY=VALUE as in the configuration file's Analytics section, e.g. Tracker:NewTrackThreshold=0.5 (repeatable)",
            HelpName = "KEY=VALUE",
        };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads (0: one per core)", DefaultValueFactory = _ => 0, HelpName = "N" };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--threads must be 0 or more.");
        });
        scale.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 1)) r.AddError("--duration-scale must be in (0, 1].");
        });
        conf.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float>() is < 0f or > 1f or float.NaN) r.AddError("--conf must be between 0 and 1.");
        });

        var command = new Command("scenarios", "Run the simulator's hazard and jam scenarios through model, tracker and rules; score against ground truth")
        {
            seed, json, model, only, scale, provider, conf, truth, hazardMin, fps, threads, tapes, set,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(context,
            parse.GetValue(seed),
            parse.GetValue(json),
            parse.GetValue(model) ?? DefaultModel,
            parse.GetValue(only),
            parse.GetValue(scale),
            parse.GetValue(provider) ?? "auto",
            parse.GetValue(conf),
            parse.GetValue(truth),
            parse.GetValue(hazardMin),
            parse.GetValue(fps),
            parse.GetValue(threads),
            parse.GetValue(tapes),
            parse.GetValue(set) ?? [],
            cancel)));
        return command;
    }

    /// <summary>Scenario names from <c>--only</c> (catalogue order kept as typed), or all of them.</summary>
    public static IReadOnlyList<string> ParseNames(string? only)
    {
        if (string.IsNullOrWhiteSpace(only)) return ScenarioCatalog.Names;
        var names = new List<string>();
        foreach (var part in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ScenarioCatalog.Find(part) is not { } s)
                throw new CliException(CliExitCode.Usage, $"--only: unknown scenario '{part}'; known: {string.Join(", ", ScenarioCatalog.Names)}");
            if (!names.Contains(s.Name)) names.Add(s.Name);
        }
        if (names.Count == 0) throw new CliException(CliExitCode.Usage, "--only names no scenario");
        return names;
    }

    private static int Run(CliContext context, ulong seed, string? jsonPath, string modelPath, string? only, double durationScale,
        string provider, float conf, bool truthDetections, float? hazardMinScore, double? fpsOption, int threads, string? tapeDirectory, string[] settings, CancellationToken cancel)
    {
        var names = ParseNames(only);
        Func<BeltAnalyzerOptions> analytics;
        try
        {
            ServiceConfiguration.BindAnalytics(settings); // fails here, before any work, on a bad key or value
            analytics = () => ServiceConfiguration.BindAnalytics(settings).ToAnalyzerOptions();
        }
        catch (ServiceConfigurationException ex)
        {
            throw new CliException(CliExitCode.Usage, $"--set: {ex.Message}", ex);
        }
        if (!truthDetections && !File.Exists(modelPath))
            throw new CliException(CliExitCode.NotFound,
                $"model not found: {Path.GetFullPath(modelPath)} (train it with models/recipe, or pass --model)");

        var scenarios = new List<Scenario>(names.Count);
        long totalFrames = 0;
        double fps = fpsOption ?? new SimulatorOptions().Fps;
        foreach (var name in names)
        {
            var s = ScenarioCatalog.Get(name, seed);
            scenarios.Add(s);
            totalFrames += Math.Max(1, (long)Math.Ceiling(ScenarioRunner.RunLength(s, durationScale) * fps - 1e-9));
        }

        using var detector = truthDetections ? null : context.DetectorFactory.Create(new DetectorOptions(modelPath, provider, Strict: false,
            LabelsPath: null, ConfidenceThreshold: conf, IouThreshold: 0.45f, IntraOpThreads: threads));
        if (detector is not null && detector.ClassNames.Count < SimClasses.Count)
            context.Error.WriteLine($"trivision: warning: the model has {detector.ClassNames.Count} classes; the scenarios expect {SimClasses.Count} ({string.Join(", ", SimClasses.Names)})");

        var tapeSettings = detector is not null && tapeDirectory is not null
            ? new DetectionTapeSettings(tapeDirectory, DetectionTape.Sha256OfFile(modelPath), conf)
            : null;
        var runner = new ScenarioRunner(detector, hazardMinScore: hazardMinScore, fps: fpsOption, analyzerOptions: analytics, tapes: tapeSettings);
        var results = new List<ScenarioRunResult>(scenarios.Count);
        CliProgress.Run(context, $"scenarios seed {seed}", (int)Math.Min(totalFrames, int.MaxValue), step =>
        {
            foreach (var s in scenarios)
            {
                ScenarioRunResult r;
                try
                {
                    r = runner.Run(s, durationScale, step, cancel);
                }
                catch (InvalidDataException ex)
                {
                    throw new CliException(CliExitCode.RuntimeFailure, ex.Message, ex);
                }
                catch (Exception ex) when (tapeDirectory is not null && ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(CliExitCode.RuntimeFailure, $"detection tapes in {tapeDirectory}: {ex.Message}", ex);
                }
                results.Add(r);
                if (r.Tape.Length > 0) context.Error.WriteLine($"scenarios: {s.Name}: {r.Tape}");
                if (!context.InteractiveError)
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"scenarios: {s.Name}: {r.Frames} frames, {r.SimulatedSeconds:0.0} s simulated in {r.WallSeconds:0.0} s ({r.SpeedUp:0.00}x)"));
            }
        });

        var scores = new List<ScenarioScore>(results.Count);
        foreach (var r in results) scores.Add(r.Score);
        var report = new ScenarioReport(ScoringReport.Combine(scores), results, seed, detector?.ModelName ?? "truth-detections", durationScale)
        {
            Fps = fps,
            Conf = truthDetections ? null : conf,
            HazardMinScore = hazardMinScore,
            Settings = settings,
        };

        if (jsonPath == "-")
        {
            context.Output.WriteLine(report.ToJson());
            report.WriteTable(CreateConsole(context.Error));
        }
        else
        {
            report.WriteTable(CreateConsole(context.Output));
            if (jsonPath is not null)
            {
                try
                {
                    File.WriteAllText(jsonPath, report.ToJson());
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(CliExitCode.RuntimeFailure, $"cannot write {jsonPath}: {ex.Message}", ex);
                }
            }
        }
        return CliExitCode.Success;
    }

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        // Eleven columns: a pipe or log file has no terminal width, so do not wrap at Spectre's 80.
        console.Profile.Width = 200;
        return console;
    }
}
