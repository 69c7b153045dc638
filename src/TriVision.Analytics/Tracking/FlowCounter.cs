namespace TriVision.Analytics.Tracking;

/// <summary>
/// Per-class counts of tracks crossing the counting line, and the flow (objects per minute) over a
/// sliding window. Fixed-size ring buffer: no allocation after construction.
/// </summary>
public sealed class FlowCounter
{
    private readonly long[] _totals;
    private readonly long[] _ringTimes;
    private readonly int[] _ringClasses;
    private readonly long _windowNs;
    private int _ringNext;
    private int _ringCount;
    private long _startNs = -1;

    public FlowCounter(int classCount, int windowMs, int capacity = 4096)
    {
        _totals = new long[classCount];
        _ringTimes = new long[capacity];
        _ringClasses = new int[capacity];
        _windowNs = windowMs * 1_000_000L;
    }

    public int ClassCount => _totals.Length;

    /// <summary>Crossings since start (or <see cref="Reset"/>) for <paramref name="classId"/>.</summary>
    public long Total(int classId) => (uint)classId < (uint)_totals.Length ? _totals[classId] : 0;

    public long TotalAll()
    {
        long s = 0;
        foreach (var t in _totals) s += t;
        return s;
    }

    internal void Observe(long nowNs)
    {
        if (_startNs < 0) _startNs = nowNs;
    }

    internal void Add(int classId, long nowNs)
    {
        if ((uint)classId < (uint)_totals.Length) _totals[classId]++;
        _ringTimes[_ringNext] = nowNs;
        _ringClasses[_ringNext] = classId;
        _ringNext = (_ringNext + 1) % _ringTimes.Length;
        if (_ringCount < _ringTimes.Length) _ringCount++;
    }

    /// <summary>Objects per minute of <paramref name="classId"/> (-1: all classes) over the window ending at <paramref name="nowNs"/>.</summary>
    public float PerMinute(long nowNs, int classId = -1)
    {
        if (_startNs < 0) return 0f;
        long span = Math.Min(_windowNs, nowNs - _startNs);
        if (span <= 0) return 0f;
        // Entries are in time order: walk back from the newest and stop at the first outside the window.
        int n = 0;
        for (int k = 1; k <= _ringCount; k++)
        {
            int i = (_ringNext - k + _ringTimes.Length) % _ringTimes.Length;
            if (nowNs - _ringTimes[i] > span) break;
            if (classId < 0 || _ringClasses[i] == classId) n++;
        }
        return n * (60e9f / span);
    }

    public void Reset()
    {
        Array.Clear(_totals);
        _ringCount = 0;
        _ringNext = 0;
        _startNs = -1;
    }
}
