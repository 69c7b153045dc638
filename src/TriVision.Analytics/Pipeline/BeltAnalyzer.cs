using System.Diagnostics.Metrics;
using TriVision.Analytics.BeltState;
using TriVision.Analytics.Geometry;
using TriVision.Analytics.Hazards;
using TriVision.Analytics.Jams;
using TriVision.Analytics.Tracking;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Pipeline;

/// <summary>
/// One camera's analytics in frame order: belt speed prior → tracker → speed estimate → occupancy and
/// hot spot → hazard rules → jam predictor. The pipeline calls <see cref="Process"/> once per frame with
/// the decoded detections; new hazard alarms are in <see cref="Hazards"/>.Raised and a jam state change in
/// the result, both to be handed to the alarm lifecycle. No allocation per frame unless an alarm is
/// raised or the jam state changes. Not thread-safe (one camera, one pipeline thread).
/// </summary>
public sealed class BeltAnalyzer : IDisposable
{
    private readonly BeltAnalyzerOptions _o;
    private JamStateChange? _change;
    private BeltSpeed _lastSpeed;
    private FrameAnalysis _last;
    private long _hazardAlarms;
    private readonly Meter _meter;

    public BeltAnalyzer(BeltGeometry geometry, BeltAnalyzerOptions? options = null)
    {
        Geometry = geometry ?? throw new ArgumentNullException(nameof(geometry));
        _o = options ?? new BeltAnalyzerOptions();
        Tracker = new BeltTracker(geometry, _o.Tracker);
        Speed = new BeltSpeedEstimator(geometry.PixelsPerMetre, _o.SpeedWindowMs);
        Occupancy = new OccupancyGrid(geometry);
        Hazards = new HazardRules(geometry, _o.Hazards);
        Jam = new JamPredictor(geometry.NominalSpeedMetresPerSecond, _o.Jam);
        Jam.StateChanged += c => _change = c;

        // Gauges read the last frame's figures when scraped: nothing is recorded on the frame path.
        _meter = new Meter("TriVision.Analytics");
        var camera = new KeyValuePair<string, object?>("camera", geometry.CameraId);
        _meter.CreateObservableGauge("trivision_belt_occupancy", () => new Measurement<float>(_last.Occupancy, camera), description: "Share of the belt area covered by objects (0-1)");
        _meter.CreateObservableGauge("trivision_belt_speed_mps", () => new Measurement<float>(_last.Speed.IsKnown ? _last.Speed.MetresPerSecond : float.NaN, camera), "m/s", "Measured belt speed (NaN: unknown)");
        _meter.CreateObservableGauge("trivision_flow_per_minute", () => new Measurement<float>(_last.FlowPerMinute, camera), description: "Objects crossing the counting line per minute");
        _meter.CreateObservableGauge("trivision_jam_risk", () => new Measurement<float>(_last.Jam.Risk, camera), description: "Jam risk (0-1)");
        _meter.CreateObservableGauge("trivision_jam_state", () => new Measurement<int>((int)Jam.State, camera), description: "0 normal, 1 warning, 2 critical, 3 jammed");
        _meter.CreateObservableGauge("trivision_tracks_active", () => new Measurement<int>(Tracker.Tracks.Length, camera), description: "Live tracks");
        _meter.CreateObservableCounter("trivision_tracks_created", () => new Measurement<long>(Tracker.TracksCreated, camera), description: "Tracks started");
        _meter.CreateObservableCounter("trivision_hazard_alarms", () => new Measurement<long>(Interlocked.Read(ref _hazardAlarms), camera), description: "Hazard alarms raised");
        _meter.CreateObservableCounter("trivision_hazard_duplicates_suppressed", () => new Measurement<long>(Hazards.SuppressedDuplicates, camera), description: "New track ids not alarmed because an alarm already covered their object");
    }

    public void Dispose() => _meter.Dispose();

    public BeltGeometry Geometry { get; }
    public BeltTracker Tracker { get; }
    public BeltSpeedEstimator Speed { get; }
    public OccupancyGrid Occupancy { get; }
    public HazardRules Hazards { get; }
    public JamPredictor Jam { get; }

    /// <param name="beltStrip">Optional gray profile of bare belt along the direction of travel (see <see cref="BeltSpeedEstimator.AddStrip"/>).</param>
    public FrameAnalysis Process(long timestampNs, ReadOnlySpan<Detection> detections, ReadOnlySpan<byte> beltStrip = default)
    {
        _change = null;
        // The previous frame's estimate is the motion prior: this frame's samples need this frame's matches.
        Tracker.Update(timestampNs, detections, _lastSpeed.IsKnown ? _lastSpeed.MetresPerSecond : float.NaN);
        Speed.AddTrackSamples(timestampNs, Tracker.SpeedSamples);
        if (!beltStrip.IsEmpty) Speed.AddStrip(timestampNs, beltStrip);
        var speed = Speed.Estimate(timestampNs);
        _lastSpeed = speed;
        float occupancy = Occupancy.Update(detections, _o.OccupancyMinScore);
        float flow = Tracker.Flow.PerMinute(timestampNs);
        int raised = Hazards.Evaluate(timestampNs, Tracker.Tracks, speed);
        var jam = Jam.Update(timestampNs, occupancy, flow, speed);
        if (raised > 0) Interlocked.Add(ref _hazardAlarms, raised);
        _last = new FrameAnalysis(timestampNs, speed, occupancy, Occupancy.HotSpot, flow, jam, raised, _change);
        return _last;
    }
}
