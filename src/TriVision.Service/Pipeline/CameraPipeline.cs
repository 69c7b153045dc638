using Microsoft.Extensions.Logging;
using TriVision.Analytics.Alarms;
using TriVision.Analytics.Pipeline;
using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Core.Time;
using TriVision.Inference;
using TriVision.Messaging.Health;

namespace TriVision.Service.Pipeline;

/// <summary>
/// One camera's path: source → <see cref="LatestFrameSlot"/> (capture never waits; drops counted) →
/// one inference thread (detector; the frame goes back to the pool as soon as detection is done) →
/// <see cref="BeltAnalyzer"/> → <see cref="AlarmManager"/> (persisted; messaging follows its events).
/// </summary>
public sealed class CameraPipeline : IDisposable
{
    private readonly IFrameSource _source;
    private readonly LatestFrameSlot _slot;
    private readonly SignalingFrameSink _sink;
    private readonly IDetector _detector;
    private readonly BeltAnalyzer _analyzer;
    private readonly AlarmManager _alarms;
    private readonly VisionHealthMonitor _health;
    private readonly InferenceProgress _progress;
    private readonly ILogger _logger;
    private readonly Detection[] _detections;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private bool _stopRequested;
    private bool _disposed;
    private long _processed;
    private long _lastInferenceNs;
    private long _hazardAlarms;
    private FrameAnalysis _last;
    private readonly object _lastGate = new();

    public CameraPipeline(string name, IFrameSource source, int slotCapacity, IDetector detector, BeltAnalyzer analyzer,
        AlarmManager alarms, VisionHealthMonitor health, InferenceProgress progress, ILogger logger, int maxDetections)
    {
        Name = name;
        _source = source;
        _slot = new LatestFrameSlot(name, slotCapacity);
        _sink = new SignalingFrameSink(_slot);
        _detector = detector;
        _analyzer = analyzer;
        _alarms = alarms;
        _health = health;
        _progress = progress;
        _logger = logger;
        _detections = new Detection[Math.Max(1, maxDetections)];
        _source.Faulted += OnFaulted;
        _source.Recovered += OnRecovered;
        _source.Completed += OnCompleted;
    }

    public string Name { get; }
    public IFrameSource Source => _source;
    public long PostedCount => _slot.PostedCount;
    public long DroppedCount => _slot.DroppedCount;
    public long ProcessedCount => Interlocked.Read(ref _processed);
    public long HazardAlarmCount => Interlocked.Read(ref _hazardAlarms);
    public bool Running => _thread is { IsAlive: true };

    /// <summary>Monotonic time of the last completed inference, 0 before the first.</summary>
    public long LastInferenceNs => Interlocked.Read(ref _lastInferenceNs);

    public long LastInferenceAgeMs => LastInferenceNs == 0 ? -1 : (MonotonicClock.NowNs - LastInferenceNs) / 1_000_000;

    /// <summary>The newest frame's analysis (belt speed, occupancy, jam); default before the first frame.</summary>
    public FrameAnalysis LastAnalysis
    {
        get { lock (_lastGate) return _last; }
    }

    /// <summary>Opens the source (throws <see cref="FrameSourceException"/> when it cannot be used at all) and starts both threads.</summary>
    public void Start()
    {
        _source.Open();
        _health.AddCamera(Name, MonotonicClock.NowNs);
        _thread = new Thread(Run) { IsBackground = true, Name = "trivision-infer-" + Name };
        _thread.Start();
        _source.Start(_sink);
    }

    public void Stop()
    {
        if (_stopRequested) return;
        _stopRequested = true;
        _source.Stop();
        _stop.Cancel();
        _sink.Complete();
        _thread?.Join();
    }

    private void Run()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            Frame? frame;
            try
            {
                // A dedicated thread may block: this is the only work it has.
                frame = _sink.Take(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (frame is null) return;
            Process(frame);
        }
    }

    private void Process(Frame frame)
    {
        long captureNs = frame.CaptureTimestampNs;
        long sequence = frame.Sequence;
        long dequeuedNs = MonotonicClock.NowNs;
        if (captureNs == 0) captureNs = dequeuedNs;
        _health.FrameReceived(Name, dequeuedNs);
        PipelineMetrics.Stage(Name, PipelineMetrics.StageQueue, dequeuedNs - captureNs);
        try
        {
            int count;
            try
            {
                var format = frame.Format;
                count = _detector.Detect(frame.Span, format, _detections);
            }
            finally
            {
                frame.Release();
            }
            long inferredNs = MonotonicClock.NowNs;
            PipelineMetrics.Stage(Name, PipelineMetrics.StageInference, inferredNs - captureNs);

            var analysis = _analyzer.Process(captureNs, _detections.AsSpan(0, count));
            var raised = _analyzer.Hazards.Raised;
            for (int i = 0; i < raised.Count; i++)
            {
                _alarms.RaiseHazard(raised[i]);
                Interlocked.Increment(ref _hazardAlarms);
            }
            if (analysis.JamChange is { } change) _alarms.ApplyJamState(Name, change);
            long doneNs = MonotonicClock.NowNs;
            PipelineMetrics.Stage(Name, PipelineMetrics.StageAnalytics, doneNs - captureNs);
            PipelineMetrics.Frame(Name);
            lock (_lastGate) _last = analysis;
            _health.InferenceCompleted(doneNs);
            Interlocked.Exchange(ref _lastInferenceNs, doneNs);
            Interlocked.Increment(ref _processed);
            _progress.Report();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One bad frame must not stop the line's vision; a persistent failure shows as an inference stall alarm.
            PipelineMetrics.Error(Name);
            PipelineLog.FrameFailed(_logger, ex, Name, sequence);
        }
    }

    private void OnFaulted(object? sender, CameraFaultEventArgs e)
    {
        PipelineLog.CameraFault(_logger, Name, e.Attempt, e.Message);
        _health.CameraFailed(Name, e.Message);
    }

    private void OnRecovered(object? sender, CameraRecoveredEventArgs e)
    {
        PipelineLog.CameraRecovered(_logger, Name);
        _alarms.ResolveCondition(VisionHealthMonitor.CameraFaultKey(Name), "system", "camera delivers frames again");
    }

    private void OnCompleted(object? sender, EventArgs e) => PipelineLog.CameraCompleted(_logger, Name);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Stop();
        _source.Faulted -= OnFaulted;
        _source.Recovered -= OnRecovered;
        _source.Completed -= OnCompleted;
        _source.Dispose();
        _slot.Dispose();
        _sink.Dispose();
        _detector.Dispose();
        _stop.Dispose();
    }
}
