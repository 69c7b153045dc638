namespace TriVision.Simulation.Scenarios;

/// <summary>
/// A named, seeded, time-scripted run: a speed and feed timeline, scripted objects, the jam onset
/// label and the belt geometry. Rendering options (resolution, lighting, noise...) come from the
/// <see cref="SimulatorOptions"/> the simulator is created with; the timeline overrides speed, feed
/// and hazard share.
/// </summary>
public sealed class Scenario
{
    private readonly ScenarioKeyframe[] _keys;

    public Scenario(string name, string description, ScenarioKind kind, ulong seed, double durationS,
        IReadOnlyList<ScenarioKeyframe> keyframes, IReadOnlyList<ScriptedObject> scriptedObjects,
        double? jamOnsetS, double hazardShare, double viewStartM = 5.0, double ejectAfterViewM = 2.5,
        double stopAfterViewM = 6.0, double transferPointFraction = 0.8)
    {
        if (keyframes.Count == 0 || keyframes[0].TimeS != 0) throw new ArgumentException("A scenario timeline starts with a keyframe at time 0.", nameof(keyframes));
        for (int i = 1; i < keyframes.Count; i++)
            if (keyframes[i].TimeS <= keyframes[i - 1].TimeS) throw new ArgumentException($"Scenario '{name}': keyframe times must increase (index {i}).", nameof(keyframes));
        Name = name;
        Description = description;
        Kind = kind;
        Seed = seed;
        DurationS = durationS;
        _keys = [.. keyframes];
        ScriptedObjects = scriptedObjects;
        JamOnsetS = jamOnsetS;
        HazardShare = hazardShare;
        ViewStartM = viewStartM;
        EjectAfterViewM = ejectAfterViewM;
        StopAfterViewM = stopAfterViewM;
        TransferPointFraction = transferPointFraction;
    }

    public string Name { get; }
    public string Description { get; }
    public ScenarioKind Kind { get; }
    public ulong Seed { get; }
    /// <summary>Intended run length; the simulator keeps going past it with the last keyframe's values.</summary>
    public double DurationS { get; }
    public IReadOnlyList<ScenarioKeyframe> Keyframes => _keys;
    /// <summary>Objects placed at known times (hazards in hazard scenarios), sorted by time.</summary>
    public IReadOnlyList<ScriptedObject> ScriptedObjects { get; }
    /// <summary>Labelled jam onset, or null.</summary>
    public double? JamOnsetS { get; }
    /// <summary>Share of random arrivals that are hazards (0 where hazards are only scripted).</summary>
    public double HazardShare { get; }
    /// <summary>Belt position of the view's left edge, metres.</summary>
    public double ViewStartM { get; }
    /// <summary>Distance from the view's right edge to the eject point, metres.</summary>
    public double EjectAfterViewM { get; }
    /// <summary>Distance from the view's right edge to the stop point, metres.</summary>
    public double StopAfterViewM { get; }
    /// <summary>Where in the view (0 = left, 1 = right) a transfer-point blockage holds objects.</summary>
    public double TransferPointFraction { get; }

    /// <summary>Belt geometry for this scenario seen through a camera with these options (the view length follows from width and scale).</summary>
    public BeltGeometry GeometryFor(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double ppm = options.EffectivePixelsPerMetre;
        double viewEnd = ViewStartM + options.Width / ppm;
        return new BeltGeometry(ViewStartM, viewEnd, viewEnd + EjectAfterViewM, viewEnd + StopAfterViewM,
            options.BeltWidthM, ppm, (options.Height - options.BeltWidthM * ppm) / 2);
    }

    private int SegmentAt(double t)
    {
        int lo = 0, hi = _keys.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_keys[mid].TimeS <= t) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    public double SpeedAt(double t)
    {
        if (t <= 0) return _keys[0].SpeedMps;
        int i = SegmentAt(t);
        if (i == _keys.Length - 1) return _keys[i].SpeedMps;
        ScenarioKeyframe a = _keys[i], b = _keys[i + 1];
        return a.SpeedMps + (b.SpeedMps - a.SpeedMps) * (t - a.TimeS) / (b.TimeS - a.TimeS);
    }

    public double FeedAt(double t)
    {
        if (t <= 0) return _keys[0].FeedRate;
        int i = SegmentAt(t);
        if (i == _keys.Length - 1) return _keys[i].FeedRate;
        ScenarioKeyframe a = _keys[i], b = _keys[i + 1];
        return a.FeedRate + (b.FeedRate - a.FeedRate) * (t - a.TimeS) / (b.TimeS - a.TimeS);
    }

    public ScenarioKeyframe KeyframeAt(double t) => _keys[t <= 0 ? 0 : SegmentAt(t)];

    /// <summary>Belt travel (m) between two times: the exact integral of the piecewise-linear speed.</summary>
    public double DistanceBetween(double t0, double t1)
    {
        if (t1 <= t0) return 0;
        double dist = 0, t = t0;
        if (t < 0) { double e = Math.Min(0, t1); dist += _keys[0].SpeedMps * (e - t); t = e; }
        while (t < t1)
        {
            int i = SegmentAt(t);
            double end = i + 1 < _keys.Length ? Math.Min(_keys[i + 1].TimeS, t1) : t1;
            dist += (SpeedAt(t) + SpeedAt(end)) / 2 * (end - t);
            t = end;
        }
        return dist;
    }

    /// <summary>
    /// Seconds from <paramref name="t"/> until the belt has moved <paramref name="distanceM"/>,
    /// or +infinity if the scripted belt stops for good first. Exact for the piecewise-linear profile.
    /// </summary>
    public double TimeToTravel(double t, double distanceM)
    {
        if (distanceM <= 0) return 0;
        double remaining = distanceM, cur = Math.Max(t, 0);
        if (t < 0)
        {
            double s0 = _keys[0].SpeedMps, pre = s0 * -t;
            if (pre >= remaining) return remaining / s0;
            remaining -= pre;
        }
        while (true)
        {
            int i = SegmentAt(cur);
            double v0 = SpeedAt(cur);
            if (i + 1 >= _keys.Length)
            {
                if (v0 <= 0) return double.PositiveInfinity;
                return cur + remaining / v0 - t;
            }
            double end = _keys[i + 1].TimeS, v1 = _keys[i + 1].SpeedMps, dt = end - cur;
            double segDist = (v0 + v1) / 2 * dt;
            if (segDist >= remaining)
            {
                double acc = (v1 - v0) / dt;
                double tau;
                if (Math.Abs(acc) < 1e-12) tau = remaining / v0;
                else
                {
                    // v0*tau + acc/2*tau^2 = remaining, smallest non-negative root.
                    double disc = v0 * v0 + 2 * acc * remaining;
                    tau = (-v0 + Math.Sqrt(Math.Max(0, disc))) / acc;
                }
                return cur + tau - t;
            }
            remaining -= segDist;
            cur = end;
        }
    }

    public override string ToString() => $"{Name} ({Kind}, {DurationS:0} s, seed {Seed})";
}
