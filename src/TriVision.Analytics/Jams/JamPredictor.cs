using TriVision.Analytics.BeltState;

namespace TriVision.Analytics.Jams;

/// <summary>
/// Predicts belt jams from signals an operator can check by eye. Four risks, each 0-1:
/// occupancy (how full the belt is between "normal" and "overloaded"), trend (how soon a straight
/// line through the last seconds of occupancy reaches "overloaded", within the horizon), speed (how
/// far the belt runs below nominal) and flow (a loaded belt letting few objects through). The risk is
/// the largest of them, the worst signal decides. A belt below the stall speed for the stall time is
/// jammed. Hysteresis: a state is entered at its enter threshold, left below its (lower) exit
/// threshold, held at least the minimum dwell, and left only after the risk has stayed below the exit
/// threshold for the clear delay (off-delay), so bursts merge into one episode. Every change is kept with
/// its inputs. Allocation only on a state change.
/// </summary>
public sealed class JamPredictor
{
    private readonly JamPredictorOptions _o;
    private readonly float _nominalSpeed;
    private readonly long[] _times = new long[1024];
    private readonly float[] _values = new float[1024];
    private int _next, _count;
    private long _lastNs = long.MinValue;
    private float _average = float.NaN;
    private long _stalledSinceNs = long.MinValue;
    private long _stateSinceNs;
    private long _clearSinceNs = long.MinValue;
    private readonly List<JamStateChange> _history = new();

    public JamPredictor(float nominalSpeedMetresPerSecond, JamPredictorOptions? options = null)
    {
        if (!(nominalSpeedMetresPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(nominalSpeedMetresPerSecond), nominalSpeedMetresPerSecond, "must be > 0");
        _o = options ?? new JamPredictorOptions();
        _o.Validate();
        _nominalSpeed = nominalSpeedMetresPerSecond;
    }

    public JamState State { get; private set; } = JamState.Normal;

    public JamAssessment Last { get; private set; }

    /// <summary>State changes, oldest first (capped at <see cref="JamPredictorOptions.HistoryCapacity"/>).</summary>
    public IReadOnlyList<JamStateChange> History => _history;

    /// <summary>Raised on every state change, on the caller's thread.</summary>
    public event Action<JamStateChange>? StateChanged;

    public JamAssessment Update(long nowNs, float occupancy, float flowPerMinute, BeltSpeed speed)
    {
        occupancy = Math.Clamp(float.IsFinite(occupancy) ? occupancy : 0f, 0f, 1f);
        float dt = _lastNs == long.MinValue ? 0f : Math.Max(0f, (nowNs - _lastNs) * 1e-9f);
        _lastNs = nowNs;
        if (float.IsNaN(_average)) { _average = occupancy; _stateSinceNs = nowNs; }
        else
        {
            float tau = _o.AverageTimeConstantMs * 1e-3f;
            float k = tau > 0 ? 1f - MathF.Exp(-dt / tau) : 1f;
            _average += k * (occupancy - _average);
        }
        _times[_next] = nowNs;
        _values[_next] = occupancy;
        _next = (_next + 1) % _times.Length;
        if (_count < _times.Length) _count++;

        float slope = Slope(nowNs);
        float span = _o.JamOccupancy - _o.NormalOccupancy;
        float occRisk = Math.Clamp((_average - _o.NormalOccupancy) / span, 0f, 1f);

        float timeToOverload = float.PositiveInfinity;
        if (_average >= _o.JamOccupancy) timeToOverload = 0f;
        else if (slope > 1e-5f) timeToOverload = (_o.JamOccupancy - _average) / slope;
        float trendRisk = _average >= _o.TrendFloorOccupancy && timeToOverload < _o.HorizonSeconds
            ? 1f - timeToOverload / _o.HorizonSeconds
            : 0f;

        float v = speed.IsKnown ? speed.MetresPerSecond : float.NaN;
        float drop = float.IsFinite(v) ? Math.Clamp(1f - v / _nominalSpeed, 0f, 1f) : 0f;
        float speedRisk = Math.Clamp((drop - _o.SpeedDropStart) / (_o.SpeedDropFull - _o.SpeedDropStart), 0f, 1f);

        float flowRisk = 0f;
        if (_o.NominalFlowPerMinute > 0)
            flowRisk = occRisk * Math.Clamp(1f - flowPerMinute / _o.NominalFlowPerMinute, 0f, 1f);

        bool stalledNow = float.IsFinite(v) && v < _o.StallSpeedFraction * _nominalSpeed;
        if (!stalledNow) _stalledSinceNs = long.MinValue;
        else if (_stalledSinceNs == long.MinValue) _stalledSinceNs = nowNs;
        float stalledS = _stalledSinceNs == long.MinValue ? 0f : (nowNs - _stalledSinceNs) * 1e-9f;
        bool jammed = stalledNow && stalledS * 1000f >= _o.StallMs;

        float risk = MathF.Max(MathF.Max(occRisk, trendRisk), MathF.Max(speedRisk, flowRisk));
        string reason = risk <= 0f ? "none"
            : risk == trendRisk ? "occupancy_trend"
            : risk == occRisk ? "occupancy"
            : risk == speedRisk ? "speed_drop"
            : "low_flow";
        float ttj = timeToOverload;
        if (stalledNow) ttj = MathF.Min(ttj, MathF.Max(0f, _o.StallMs * 1e-3f - stalledS));
        if (jammed) { risk = 1f; ttj = 0f; reason = "stall"; }

        var inputs = new JamInputs(occupancy, _average, slope, flowPerMinute, v, drop, stalledS, occRisk, trendRisk, speedRisk, flowRisk);
        var next = Decide(nowNs, risk, jammed);
        if (next != State)
        {
            var change = new JamStateChange(nowNs, State, next, risk, ttj, reason, inputs);
            if (_history.Count >= _o.HistoryCapacity) _history.RemoveAt(0);
            _history.Add(change);
            State = next;
            _stateSinceNs = nowNs;
            _clearSinceNs = long.MinValue;
            StateChanged?.Invoke(change);
        }
        Last = new JamAssessment(State, risk, ttj, reason, inputs);
        return Last;
    }

    private JamState Decide(long nowNs, float risk, bool jammed)
    {
        if (jammed) return JamState.Jammed;
        JamState byEnter = risk >= _o.CriticalEnter ? JamState.Critical : risk >= _o.WarningEnter ? JamState.Warning : JamState.Normal;
        if (byEnter > State) return byEnter; // stepping up is immediate: a late warning is worse than a chattering one
        float exit = State switch
        {
            JamState.Warning => _o.WarningExit,
            JamState.Critical => _o.CriticalExit,
            JamState.Jammed => float.PositiveInfinity, // no longer stalled: clearing starts now
            _ => float.NegativeInfinity,
        };
        if (risk >= exit) _clearSinceNs = long.MinValue;
        else if (_clearSinceNs == long.MinValue) _clearSinceNs = nowNs;
        bool dwelt = nowNs - _stateSinceNs >= _o.MinDwellMs * 1_000_000L;
        bool cleared = _clearSinceNs != long.MinValue && nowNs - _clearSinceNs >= _o.ClearDelayMs * 1_000_000L;
        if (!dwelt || !cleared) return State;
        return State switch
        {
            JamState.Jammed => risk >= _o.CriticalExit ? JamState.Critical : risk >= _o.WarningExit ? JamState.Warning : JamState.Normal,
            JamState.Critical when risk < _o.CriticalExit => risk >= _o.WarningExit ? JamState.Warning : JamState.Normal,
            JamState.Warning when risk < _o.WarningExit => JamState.Normal,
            _ => State,
        };
    }

    /// <summary>Least-squares slope (per second) of occupancy over the trend window; 0 until the window holds 2 s of data.</summary>
    private float Slope(long nowNs)
    {
        long window = _o.TrendWindowMs * 1_000_000L;
        double n = 0, st = 0, sv = 0, stt = 0, stv = 0;
        long oldest = nowNs;
        for (int k = 1; k <= _count; k++)
        {
            int i = (_next - k + _times.Length) % _times.Length;
            long age = nowNs - _times[i];
            if (age > window) break; // time order: everything older is outside too
            double t = -age * 1e-9;
            double val = _values[i];
            n++; st += t; sv += val; stt += t * t; stv += t * val;
            if (_times[i] < oldest) oldest = _times[i];
        }
        if (n < 3 || nowNs - oldest < 2_000_000_000L) return 0f;
        double den = n * stt - st * st;
        return den > 1e-12 ? (float)((n * stv - st * sv) / den) : 0f;
    }

    public void Reset()
    {
        _count = 0; _next = 0;
        _lastNs = long.MinValue;
        _average = float.NaN;
        _stalledSinceNs = long.MinValue;
        _clearSinceNs = long.MinValue;
        State = JamState.Normal;
        _history.Clear();
    }
}
