namespace TriVision.Analytics.Alarms;

/// <summary>
/// Watches the vision system itself and turns its faults into alarms: a camera without frames
/// (camera fault), and "vision degraded" when inference stalls, the model runs on a fallback provider,
/// or too many frames are dropped. Each condition raises one alarm and resolves it when it clears.
/// Feed it from the pipeline (<see cref="FrameReceived"/>, <see cref="InferenceCompleted"/>, ...) and call
/// <see cref="Evaluate"/> from a timer. Thread-safe.
/// </summary>
public sealed class VisionHealthMonitor
{
    private readonly AlarmManager _alarms;
    private readonly VisionHealthOptions _o;
    private readonly object _gate = new();
    private readonly Dictionary<string, CameraHealth> _cameras = new(StringComparer.Ordinal);
    private long _lastInferenceNs = long.MinValue;
    private long _lastFrameAnyNs = long.MinValue;
    private string? _requestedProvider;
    private string? _actualProvider;

    public VisionHealthMonitor(AlarmManager alarms, VisionHealthOptions? options = null)
    {
        _alarms = alarms ?? throw new ArgumentNullException(nameof(alarms));
        _o = options ?? new VisionHealthOptions();
        _o.Validate();
    }

    public static string CameraFaultKey(string cameraId) => $"camera-fault:{cameraId}";
    public static string FrameDropKey(string cameraId) => $"vision-degraded:frame-drops:{cameraId}";
    public const string InferenceStalledKey = "vision-degraded:inference-stalled";
    public const string FallbackProviderKey = "vision-degraded:fallback-provider";

    /// <summary>Registers a camera so that its silence from the start is noticed too.</summary>
    public void AddCamera(string cameraId, long nowNs)
    {
        lock (_gate) _cameras.TryAdd(cameraId, new CameraHealth { LastFrameNs = nowNs, WindowStartNs = nowNs });
    }

    public void FrameReceived(string cameraId, long nowNs)
    {
        lock (_gate)
        {
            var c = GetCamera(cameraId, nowNs);
            c.LastFrameNs = nowNs;
            c.Received++;
            _lastFrameAnyNs = nowNs;
        }
    }

    public void FramesDropped(string cameraId, int count, long nowNs)
    {
        lock (_gate) GetCamera(cameraId, nowNs).Dropped += count;
    }

    /// <summary>The camera driver reported an error: raise at once, do not wait for the timeout.</summary>
    public void CameraFailed(string cameraId, string message)
    {
        _alarms.Raise(AlarmKind.CameraFault, AlarmSeverity.Critical, cameraId, CameraFaultKey(cameraId),
            $"Camera {cameraId} failed: {message}");
    }

    public void InferenceCompleted(long nowNs)
    {
        lock (_gate) _lastInferenceNs = nowNs;
    }

    /// <summary>Which execution provider the model was asked for and which one it got (CUDA asked, CPU given: degraded).</summary>
    public void ProviderInUse(string requested, string actual)
    {
        lock (_gate)
        {
            _requestedProvider = requested;
            _actualProvider = actual;
        }
    }

    /// <summary>Checks every condition at <paramref name="nowNs"/> and raises or resolves its alarm.</summary>
    public void Evaluate(long nowNs)
    {
        List<(string Key, bool Bad, AlarmKind Kind, AlarmSeverity Severity, string Camera, string Title)> checks = new();
        lock (_gate)
        {
            foreach (var (id, c) in _cameras)
            {
                long silentMs = (nowNs - c.LastFrameNs) / 1_000_000;
                checks.Add((CameraFaultKey(id), silentMs > _o.CameraTimeoutMs, AlarmKind.CameraFault, AlarmSeverity.Critical, id,
                    $"Camera {id} delivered no frame for {silentMs} ms"));
                if (nowNs - c.WindowStartNs >= _o.DropWindowMs * 1_000_000L)
                {
                    long total = c.Received + c.Dropped;
                    float rate = total > 0 ? (float)c.Dropped / total : 0f;
                    checks.Add((FrameDropKey(id), rate > _o.MaxDropRate, AlarmKind.VisionDegraded, AlarmSeverity.Warning, id,
                        $"Camera {id} drops {rate:P0} of its frames (limit {_o.MaxDropRate:P0})"));
                    c.Received = 0;
                    c.Dropped = 0;
                    c.WindowStartNs = nowNs;
                }
            }
            bool framesFlowing = _lastFrameAnyNs != long.MinValue && (nowNs - _lastFrameAnyNs) / 1_000_000 <= _o.InferenceStallMs;
            long sinceInferenceMs = _lastInferenceNs == long.MinValue ? long.MaxValue : (nowNs - _lastInferenceNs) / 1_000_000;
            checks.Add((InferenceStalledKey, framesFlowing && sinceInferenceMs > _o.InferenceStallMs, AlarmKind.VisionDegraded, AlarmSeverity.Critical, "",
                _lastInferenceNs == long.MinValue ? "Frames arrive but no inference has completed" : $"No inference completed for {sinceInferenceMs} ms while frames arrive"));
            if (_requestedProvider is not null)
            {
                bool fallback = !string.Equals(_requestedProvider, _actualProvider, StringComparison.OrdinalIgnoreCase);
                checks.Add((FallbackProviderKey, fallback, AlarmKind.VisionDegraded, AlarmSeverity.Warning, "",
                    $"Model runs on {_actualProvider} instead of {_requestedProvider}"));
            }
        }
        foreach (var check in checks)
        {
            if (check.Bad) _alarms.Raise(check.Kind, check.Severity, check.Camera, check.Key, check.Title);
            else _alarms.ResolveCondition(check.Key, "system", "condition cleared");
        }
    }

    private CameraHealth GetCamera(string cameraId, long nowNs)
    {
        if (!_cameras.TryGetValue(cameraId, out var c))
        {
            c = new CameraHealth { LastFrameNs = nowNs, WindowStartNs = nowNs };
            _cameras[cameraId] = c;
        }
        return c;
    }

    private sealed class CameraHealth
    {
        public long LastFrameNs;
        public long WindowStartNs;
        public long Received;
        public long Dropped;
    }
}
