using System.Diagnostics;
using TriVision.Analytics.Pipeline;
using TriVision.Analytics.Scoring;
using TriVision.Core.Detections;
using TriVision.Inference;
using TriVision.Simulation;
using TriVision.Simulation.Scenarios;

namespace TriVision.Service.Scenarios;

/// <summary>
/// Runs one scenario through the whole chain as fast as the machine allows: the seeded simulator renders
/// a frame (simulated time advances 1/fps, no pacing), the detector finds boxes in it, the analyzer tracks,
/// measures and raises hazard alarms and jam states, and the recorder keeps what came out next to the
/// simulator's truth for the scorer. Offline evaluation: it allocates ground-truth records per frame.
/// </summary>
public sealed class ScenarioRunner
{
    // Scenario time 0 maps to this timestamp; any positive base works, a round one reads well in logs.
    private const long StartNs = 1_000_000_000;
    private const int MaxDetections = 300;
    private const int StripRows = 4;

    // Score given to ground-truth boxes in truth mode: above every rule's default minimum.
    private const float TruthScore = 0.9f;

    private readonly IDetector? _detector;
    private readonly ScoringOptions _scoring;
    private readonly float? _hazardMinScore;
    private readonly double? _fps;
    private readonly Func<BeltAnalyzerOptions> _analyzerOptions;
    private readonly DetectionTapeSettings? _tapes;

    /// <param name="detector">The model to evaluate; null feeds the analyzer the simulator's own visible boxes
    /// (a perfect detector), which measures tracker, rules and jam predictor apart from the model.</param>
    /// <param name="hazardMinScore">Overrides every hazard rule's minimum track score (null: the rules' defaults). A model's
    /// scores are calibrated its own way; this is the one rule setting that must follow the model.</param>
    /// <param name="fps">Camera frame rate: simulated seconds per frame = 1/fps (null: the simulator's default).</param>
    /// <param name="analyzerOptions">Makes the analytics settings for each scenario (null: the service's defaults).</param>
    /// <param name="tapes">Where to record the detector's boxes per scenario and replay them on later runs with the same model,
    /// threshold, seed and frame rate (null: always run the detector). Ignored without a detector.</param>
    public ScenarioRunner(IDetector? detector, ScoringOptions? scoring = null, float? hazardMinScore = null, double? fps = null,
        Func<BeltAnalyzerOptions>? analyzerOptions = null, DetectionTapeSettings? tapes = null)
    {
        if (fps is { } f && !(f >= 1 && f <= 240)) throw new ArgumentOutOfRangeException(nameof(fps), f, "frame rate must be 1 to 240");
        _fps = fps;
        _detector = detector;
        _scoring = scoring ?? new ScoringOptions();
        _hazardMinScore = hazardMinScore;
        _analyzerOptions = analyzerOptions ?? (() => new BeltAnalyzerOptions());
        _tapes = tapes;
    }

    private BeltAnalyzerOptions AnalyzerOptions()
    {
        var options = _analyzerOptions();
        if (_hazardMinScore is { } min)
            foreach (var rule in options.Hazards.Classes) rule.MinScore = min;
        return options;
    }

    /// <summary>How long a scenario runs under <paramref name="durationScale"/>: jam runs always reach 10 s past the onset so the jam is in them.</summary>
    public static double RunLength(Scenario scenario, double durationScale)
    {
        double length = scenario.DurationS * durationScale;
        if (scenario.JamOnsetS is { } onset) length = Math.Max(length, Math.Min(scenario.DurationS, onset + 10));
        return length;
    }

    /// <param name="step">Called once per frame (progress).</param>
    public ScenarioRunResult Run(Scenario scenario, double durationScale, Action step, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var simOptions = new SimulatorOptions { Seed = scenario.Seed };
        if (_fps is { } fps) simOptions.Fps = fps;
        var sim = new BeltSimulator(scenario, simOptions);
        var format = sim.Format;
        var geometry = ScenarioGeometry.Create(sim.Geometry, scenario, format.Width, format.Height);
        using var analyzer = new BeltAnalyzer(geometry, AnalyzerOptions());
        var recorder = new ScenarioRecorder(StartNs);

        double length = RunLength(scenario, durationScale);
        long frameCount = FrameCount(sim, length);
        var pixels = new byte[format.BufferSize];
        var strip = new byte[format.Width];
        int stripRow = StripRow(sim.Geometry, format.Height);
        var detections = new Detection[MaxDetections];
        var truthFrames = new List<GroundTruthFrame>((int)Math.Min(frameCount, int.MaxValue));
        long detected = 0;

        DetectionTape? tape = null;
        DetectionTape.Recorder? recording = null;
        string? tapePath = null;
        string tapeUse = "";
        if (_detector is not null && _tapes is { } tapes)
        {
            string key = DetectionTape.MakeKey(tapes.ModelSha256, tapes.Conf, scenario.Name, scenario.Seed, sim.Options.Fps);
            tapePath = DetectionTape.PathFor(tapes.Directory, scenario.Name, scenario.Seed, sim.Options.Fps);
            tape = DetectionTape.TryLoad(tapePath, key, frameCount, out string reason);
            if (tape is null) recording = new DetectionTape.Recorder(key);
            tapeUse = tape is not null ? $"replayed {tapePath}" : $"recorded {tapePath} ({reason})";
        }

        long renderTicks = 0, detectTicks = 0, analyzeTicks = 0;
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < frameCount; i++)
        {
            cancel.ThrowIfCancellationRequested();
            long t0 = Stopwatch.GetTimestamp();
            var frame = sim.RenderNext(pixels);
            truthFrames.Add(ToTruth(frame));
            long t1 = Stopwatch.GetTimestamp();
            ulong fingerprint = tape is not null || recording is not null ? DetectionTape.FrameFingerprint(pixels) : 0;
            if (tape is not null && tape.Fingerprint(i) != fingerprint)
                throw new InvalidDataException($"detection tape {tapePath}: frame {i} is not the frame the tape was recorded on (the simulator renders it differently now); delete the tape to record again");
            int n = tape is not null ? tape.Read(i, detections)
                : _detector is not null ? _detector.Detect(pixels, format, detections)
                : TruthDetections(frame, detections);
            recording?.Append(fingerprint, detections.AsSpan(0, n));
            detected += n;
            long t2 = Stopwatch.GetTimestamp();
            FillStrip(pixels, format.Width, format.Stride, stripRow, strip);
            long ns = StartNs + (long)Math.Round(frame.TimeS * 1e9);
            var analysis = analyzer.Process(ns, detections.AsSpan(0, n), strip);
            recorder.Record(analyzer, analysis);
            long t3 = Stopwatch.GetTimestamp();
            renderTicks += t1 - t0;
            detectTicks += t2 - t1;
            analyzeTicks += t3 - t2;
            step();
        }
        double wall = clock.Elapsed.TotalSeconds;
        if (recording is not null) recording.Commit(tapePath!);
        var stages = new ScenarioStageTimes(
            renderTicks / (double)Stopwatch.Frequency, detectTicks / (double)Stopwatch.Frequency, analyzeTicks / (double)Stopwatch.Frequency);

        double simulated = frameCount / sim.Options.Fps;
        var onsets = scenario.JamOnsetS is { } onset && onset < simulated ? new[] { onset } : Array.Empty<double>();
        var truth = new ScenarioGroundTruth(scenario.Name, simulated, truthFrames, onsets);
        var score = new ScenarioScorer(_scoring).Score(truth, recorder.ToOutputs());
        return new ScenarioRunResult(score, frameCount, simulated, wall, detected, stages) { Tape = tapeUse };
    }

    /// <summary>Frames needed to cover <paramref name="lengthS"/> at the simulator's frame rate.</summary>
    public static long FrameCount(BeltSimulator sim, double lengthS) => Math.Max(1, (long)Math.Ceiling(lengthS * sim.Options.Fps - 1e-9));

    private static GroundTruthFrame ToTruth(SimFrame frame)
    {
        var objects = new GroundTruthObject[frame.Objects.Count];
        for (int k = 0; k < objects.Length; k++)
        {
            var o = frame.Objects[k];
            // The truth's ETA is relative to this frame; the scorer wants the arrival time (NaN: never arrives).
            double arrival = double.IsFinite(o.EtaStopS) ? frame.TimeS + o.EtaStopS : double.NaN;
            objects[k] = new GroundTruthObject(o.Id, o.ClassId, o.Box, o.VisibleFraction, (float)o.PositionM, arrival, o.KindName);
        }
        return new GroundTruthFrame(frame.TimeS, objects);
    }

    private static int TruthDetections(SimFrame frame, Span<Detection> results)
    {
        int n = 0;
        foreach (var o in frame.Objects)
        {
            if (n == results.Length) break;
            // What a good detector would see: objects mostly hidden under others or cut off at the edge are missed.
            if (o.VisibleFraction < 0.3f) continue;
            results[n++] = new Detection(o.Box, TruthScore, o.ClassId);
        }
        return n;
    }

    // A row band just inside the belt's upper edge: belt texture moves with the belt there and objects
    // rarely cover it, so image registration still sees the belt when few objects are detected.
    private static int StripRow(TriVision.Simulation.BeltGeometry g, int height)
    {
        int row = (int)Math.Ceiling(Math.Max(g.BeltTopPx, 0)) + 3;
        return Math.Clamp(row, 0, height - StripRows);
    }

    private static void FillStrip(ReadOnlySpan<byte> bgr, int width, int stride, int row, Span<byte> strip)
    {
        for (int x = 0; x < width; x++)
        {
            int sum = 0;
            for (int r = 0; r < StripRows; r++)
            {
                int p = (row + r) * stride + x * 3;
                sum += bgr[p] + bgr[p + 1] + bgr[p + 2];
            }
            strip[x] = (byte)(sum / (3 * StripRows));
        }
    }
}
