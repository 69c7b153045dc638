namespace TriVision.Analytics.BeltState;

/// <summary>
/// Belt speed from two independent sources. (1) Tracked objects: each object matched in consecutive
/// frames gives one displacement-over-time sample; the estimate is the median of the samples of the
/// last <c>windowMs</c>, so a few objects rolling or being mis-matched do not move it. (2) When no or
/// too few objects are tracked, registration of the belt texture: a 1-D gray profile sampled along the
/// direction of travel (one sample per pixel) is phase-correlated with the previous frame's profile;
/// the peak gives the shift in pixels. Allocation-free after the first strip of a given length.
/// </summary>
public sealed class BeltSpeedEstimator
{
    private readonly float _pixelsPerMetre;
    private readonly long _windowNs;
    private readonly int _minSamples;
    private readonly float[] _values;
    private readonly long[] _times;
    private readonly float[] _scratch;
    private int _next;
    private int _count;

    private PhaseCorrelator? _correlator;
    private long _lastStripNs = long.MinValue;
    private float _registrationSpeed = float.NaN;
    private long _registrationNs = long.MinValue;

    public BeltSpeedEstimator(float pixelsPerMetre, int windowMs = 2000, int minSamples = 3, int capacity = 1024)
    {
        if (!(pixelsPerMetre > 0)) throw new ArgumentOutOfRangeException(nameof(pixelsPerMetre), pixelsPerMetre, "must be > 0");
        _pixelsPerMetre = pixelsPerMetre;
        _windowNs = windowMs * 1_000_000L;
        _minSamples = Math.Max(1, minSamples);
        _values = new float[capacity];
        _times = new long[capacity];
        _scratch = new float[capacity];
    }

    /// <summary>Adds per-track speed samples (m/s) measured at <paramref name="nowNs"/>.</summary>
    public void AddTrackSamples(long nowNs, ReadOnlySpan<float> metresPerSecond)
    {
        foreach (var v in metresPerSecond)
        {
            if (!float.IsFinite(v)) continue;
            _values[_next] = v;
            _times[_next] = nowNs;
            _next = (_next + 1) % _values.Length;
            if (_count < _values.Length) _count++;
        }
    }

    /// <summary>
    /// Adds a gray profile of the belt taken along the direction of travel (index grows downstream, one
    /// sample per image pixel). Returns the shift in pixels against the previous strip, or NaN for the first one.
    /// </summary>
    public float AddStrip(long nowNs, ReadOnlySpan<byte> strip)
    {
        if (strip.Length < 16) throw new ArgumentException($"Belt strip has {strip.Length} samples: at least 16 are needed.", nameof(strip));
        _correlator ??= new PhaseCorrelator();
        float shift = _correlator.Push(strip);
        if (float.IsFinite(shift) && _lastStripNs != long.MinValue && nowNs > _lastStripNs)
        {
            _registrationSpeed = shift / _pixelsPerMetre / ((nowNs - _lastStripNs) * 1e-9f);
            _registrationNs = nowNs;
        }
        _lastStripNs = nowNs;
        return shift;
    }

    /// <summary>Current estimate: track median when enough recent samples, else registration when fresh, else what few samples exist, else unknown.</summary>
    public BeltSpeed Estimate(long nowNs)
    {
        // Samples arrive in time order: walk back from the newest and stop at the first outside the window.
        int n = 0;
        for (int k = 1; k <= _count; k++)
        {
            int i = (_next - k + _values.Length) % _values.Length;
            if (nowNs - _times[i] > _windowNs) break;
            _scratch[n++] = _values[i];
        }
        bool registrationFresh = _registrationNs != long.MinValue && nowNs - _registrationNs <= _windowNs;
        if (n >= _minSamples || (n > 0 && !registrationFresh))
            return new BeltSpeed(Median(_scratch.AsSpan(0, n)), SpeedSource.Tracks, n);
        if (registrationFresh)
            return new BeltSpeed(_registrationSpeed, SpeedSource.Registration, 1);
        return new BeltSpeed(float.NaN, SpeedSource.None, 0);
    }

    public void Reset()
    {
        _count = 0;
        _next = 0;
        _correlator?.Reset();
        _lastStripNs = long.MinValue;
        _registrationNs = long.MinValue;
    }

    /// <summary>Median by quickselect (Hoare partition): linear time, the window can hold a thousand samples.</summary>
    internal static float Median(Span<float> values)
    {
        int m = values.Length / 2;
        float upper = Select(values, m);
        if (values.Length % 2 == 1) return upper;
        // After selecting m, everything left of it is <= upper: the lower middle is their maximum.
        float lower = values[0];
        for (int i = 1; i < m; i++) if (values[i] > lower) lower = values[i];
        return 0.5f * (lower + upper);
    }

    private static float Select(Span<float> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }
}
