using Microsoft.Extensions.Logging;
using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Core.Time;
using TriVision.Inference.Decoding;
using TriVision.Inference.Onnx;
using TriVision.Inference.Preprocessing;

namespace TriVision.Inference.Detectors;

/// <summary>
/// The detector the product runs: letterbox into the runner's pinned input, one ORT call through
/// I/O binding, decode + NMS into the caller's span. Everything is sized once at construction,
/// so <see cref="Detect"/> allocates nothing. One instance per inference thread.
/// </summary>
public sealed class OnnxDetector : IDetector
{
    private readonly OnnxSession _session;
    private readonly OnnxRunner _runner;
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly DetectionDecoder _decoder;
    private readonly string[] _classNames;

    private OnnxDetector(OnnxSession session, OnnxRunner runner, LetterboxPreprocessor preprocessor,
        DetectionDecoder decoder, string[] classNames)
    {
        _session = session;
        _runner = runner;
        _preprocessor = preprocessor;
        _decoder = decoder;
        _classNames = classNames;
    }

    /// <summary>
    /// Opens the model and checks that its input and output make a detector we can read. Errors
    /// are <see cref="OnnxModelException"/>, <see cref="ProviderUnavailableException"/> or
    /// <see cref="UnsupportedOutputLayoutException"/>, each naming the model and the problem.
    /// </summary>
    public static OnnxDetector Open(OnnxDetectorOptions options, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Decoder.Validate();
        var session = OnnxSession.Open(options.ModelPath, options.Session, log);
        OnnxRunner? runner = null;
        try
        {
            runner = session.CreateRunner();
            var inShape = runner.InputShape;
            var preprocessor = new LetterboxPreprocessor((int)inShape[3], (int)inShape[2]);

            Decoding.ClassNames? names = null;
            if (options.LabelsPath is { } labels)
                names = Decoding.ClassNames.FromLabelsFile(labels);
            else if (session.Metadata.Custom.TryGetValue("names", out var meta))
                names = Decoding.ClassNames.FromUltralyticsMetadata(meta);

            DetectionDecoder decoder;
            try
            {
                decoder = DetectionDecoder.Create(runner.OutputShape(0), names?.Count, options.Decoder);
            }
            catch (UnsupportedOutputLayoutException e)
            {
                throw new OnnxModelException(options.ModelPath, e.Message, e);
            }
            names ??= Decoding.ClassNames.Numbered(decoder.ClassCount);
            if (names.Count != decoder.ClassCount)
                throw new OnnxModelException(options.ModelPath,
                    $"the model outputs {decoder.ClassCount} classes but its names list has {names.Count}");

            var classNames = new string[names.Count];
            for (int i = 0; i < classNames.Length; i++) classNames[i] = names[i];
            return new OnnxDetector(session, runner, preprocessor, decoder, classNames);
        }
        catch
        {
            runner?.Dispose();
            session.Dispose();
            throw;
        }
    }

    public string ModelName => Path.GetFileName(_session.Model);

    /// <summary>Short sha256 of the model file: alarms carry it so a decision can be traced to the exact model.</summary>
    public string ModelHash => _session.ModelHash;

    public IReadOnlyList<string> ClassNames => _classNames;

    public OnnxSession Session => _session;

    public int InputWidth => _preprocessor.TargetWidth;

    public int InputHeight => _preprocessor.TargetHeight;

    public OutputLayout Layout => _decoder.Layout;

    /// <summary>Per-stage time of the last call.</summary>
    public StageTimings LastTimings { get; private set; }

    public int Detect(ReadOnlySpan<byte> frame, in FrameFormat format, Span<Detection> results)
    {
        long t0 = MonotonicClock.NowNs;
        var map = _preprocessor.Run(frame, format, _runner.Input);
        long t1 = MonotonicClock.NowNs;
        _runner.Run();
        long t2 = MonotonicClock.NowNs;
        int n = _decoder.Decode(_runner.Output(0), map, results);
        long t3 = MonotonicClock.NowNs;
        LastTimings = new StageTimings(t1 - t0, t2 - t1, t3 - t2);
        return n;
    }

    public void Dispose()
    {
        _runner.Dispose();
        _session.Dispose();
    }
}
