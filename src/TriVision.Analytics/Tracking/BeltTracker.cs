using System.Numerics;
using TriVision.Analytics.Geometry;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Tracking;

/// <summary>
/// Multi-object tracker for a conveyor belt: ByteTrack-style two-stage association (confident
/// detections first, then weak ones for tracks still unmatched) against positions predicted along
/// the belt by an alpha-beta filter whose velocity starts at the belt speed. Tracks survive short
/// occlusions for <see cref="TrackerOptions.LostBufferMs"/>, coasting with the belt. Class is a
/// score-weighted vote. Greedy matching on sorted costs (the cost structure of a belt is near-diagonal,
/// so greedy equals Hungarian in practice and is cheaper). No allocation per frame in steady state.
/// Not thread-safe: one instance per camera, called from that camera's pipeline.
/// </summary>
public sealed class BeltTracker
{
    private readonly BeltGeometry _geometry;
    private readonly TrackerOptions _o;
    private readonly Track[] _active;
    private readonly Stack<Track> _free;
    private int _activeCount;
    private int _nextId = 1;
    private long _lastNs = long.MinValue;

    private readonly int[] _high;
    private readonly int[] _low;
    private readonly bool[] _detUsed;
    private readonly bool[] _trackUsed;
    private long[] _pairs;
    private readonly int[] _rows;
    private readonly HungarianSolver? _hungarian;
    private readonly float[] _speedSamples;
    private int _speedSampleCount;
    private readonly LineCrossing[] _crossings;
    private int _crossingCount;
    private readonly float _countingLine;

    public BeltTracker(BeltGeometry geometry, TrackerOptions? options = null)
    {
        _geometry = geometry ?? throw new ArgumentNullException(nameof(geometry));
        _o = options ?? new TrackerOptions();
        _o.Validate();
        _active = new Track[_o.MaxTracks];
        _free = new Stack<Track>(_o.MaxTracks);
        for (int i = 0; i < _o.MaxTracks; i++) _free.Push(new Track(_o.ClassCount));
        _high = new int[_o.MaxDetectionsPerFrame];
        _low = new int[_o.MaxDetectionsPerFrame];
        _detUsed = new bool[_o.MaxDetectionsPerFrame];
        _trackUsed = new bool[_o.MaxTracks];
        _pairs = new long[1024];
        _rows = new int[_o.MaxTracks];
        _hungarian = _o.Matching == MatchingAlgorithm.Hungarian ? new HungarianSolver() : null;
        _speedSamples = new float[_o.MaxTracks];
        _crossings = new LineCrossing[_o.MaxTracks];
        _countingLine = float.IsNaN(_o.CountingLineMetres)
            ? geometry.ViewOffsetMetres + geometry.ViewLengthMetres * 0.5f
            : _o.CountingLineMetres;
        Flow = new FlowCounter(_o.ClassCount, _o.FlowWindowMs);
    }

    public BeltGeometry Geometry => _geometry;

    /// <summary>Live tracks (tentative, tracked and lost), valid until the next <see cref="Update"/>.</summary>
    public ReadOnlySpan<Track> Tracks => new(_active, 0, _activeCount);

    /// <summary>Along-belt speeds (m/s) measured this frame, each from one track's displacement over at least <see cref="TrackerOptions.SpeedBaselineMs"/>: input of the belt speed estimator.</summary>
    public ReadOnlySpan<float> SpeedSamples => new(_speedSamples, 0, _speedSampleCount);

    /// <summary>Line crossings that happened in the frame just processed.</summary>
    public ReadOnlySpan<LineCrossing> Crossings => new(_crossings, 0, _crossingCount);

    public FlowCounter Flow { get; }

    /// <summary>Belt position (m) of the counting line.</summary>
    public float CountingLineMetres => _countingLine;

    /// <summary>Detections ignored because a frame held more than the pool allows, or no free track was left.</summary>
    public long OverflowCount { get; private set; }

    public long TracksCreated => _nextId - 1;

    /// <summary>Detections taken as a second box on an already matched object (<see cref="TrackerOptions.DuplicateIoU"/>): they voted, started no track.</summary>
    public long DuplicateCount { get; private set; }

    /// <summary>
    /// Processes one frame. <paramref name="beltSpeedMetresPerSecond"/> is the current belt speed
    /// estimate (NaN: use the nominal speed) and seeds the velocity of new tracks.
    /// </summary>
    public void Update(long timestampNs, ReadOnlySpan<Detection> detections, float beltSpeedMetresPerSecond = float.NaN)
    {
        float dt = _lastNs == long.MinValue ? 0f : Math.Max(0f, (timestampNs - _lastNs) * 1e-9f);
        _lastNs = timestampNs;
        _speedSampleCount = 0;
        _crossingCount = 0;
        Flow.Observe(timestampNs);
        float prior = float.IsFinite(beltSpeedMetresPerSecond) ? beltSpeedMetresPerSecond : _geometry.NominalSpeedMetresPerSecond;
        Vector2 priorVel = _geometry.PixelVelocity(prior);

        // Predict every track forward along its velocity.
        for (int i = 0; i < _activeCount; i++)
        {
            var t = _active[i];
            t.CenterX += t.VelocityX * dt;
            t.CenterY += t.VelocityY * dt;
            t.MatchedThisFrame = false;
            t.SetPredictedBox();
            _trackUsed[i] = false;
        }

        int nDet = detections.Length;
        if (nDet > _o.MaxDetectionsPerFrame)
        {
            OverflowCount += nDet - _o.MaxDetectionsPerFrame;
            nDet = _o.MaxDetectionsPerFrame;
        }
        int nHigh = 0, nLow = 0;
        for (int j = 0; j < nDet; j++)
        {
            _detUsed[j] = false;
            float s = detections[j].Score;
            if (s >= _o.HighScoreThreshold) _high[nHigh++] = j;
            else if (s >= _o.LowScoreThreshold) _low[nLow++] = j;
        }

        // Stage 1: confident detections against every track.
        Associate(detections, _high.AsSpan(0, nHigh), lowStage: false, timestampNs, dt);
        // Stage 2: weak detections only extend confirmed tracks that are still unmatched (ByteTrack's key idea:
        // an occluded or blurred object keeps its id instead of being dropped).
        Associate(detections, _low.AsSpan(0, nLow), lowStage: true, timestampNs, dt);

        // Unmatched tracks: tentative ones die, confirmed ones coast until the lost buffer runs out or they leave the view.
        long lostNs = _o.LostBufferMs * 1_000_000L;
        for (int i = _activeCount - 1; i >= 0; i--)
        {
            var t = _active[i];
            t.AlongMetres = _geometry.AlongMetres(t.CenterX, t.CenterY);
            if (t.MatchedThisFrame) continue;
            bool drop = !t.IsConfirmed
                        || timestampNs - t.LastSeenNs > lostNs
                        || t.AlongMetres - _geometry.ViewEndMetres > 0;
            if (drop) Remove(i);
            else t.State = TrackState.Lost;
        }

        // New tracks from confident detections nobody claimed.
        for (int k = 0; k < nHigh; k++)
        {
            int j = _high[k];
            if (_detUsed[j] || detections[j].Score < _o.NewTrackThreshold) continue;
            if (MatchedOverlapping(detections[j].Box) is { } owner)
            {
                owner.Vote(detections[j].ClassId, detections[j].Score);
                DuplicateCount++;
                continue;
            }
            if (_activeCount >= _active.Length || _free.Count == 0)
            {
                OverflowCount++;
                continue;
            }
            var t = _free.Pop();
            t.Start(_nextId++, detections[j], timestampNs, priorVel.X, priorVel.Y);
            t.AlongMetres = _geometry.AlongMetres(t.CenterX, t.CenterY);
            t.LastMeasuredAlong = t.AlongMetres;
            t.LastMeasuredLength = MathF.Abs(detections[j].Box.Width * _geometry.Direction.X) + MathF.Abs(detections[j].Box.Height * _geometry.Direction.Y);
            t.LastMeasuredNs = timestampNs;
            t.SpeedMetresPerSecond = prior;
            // Only a crossing seen by this track counts: a track born past the line (an object that lost its id there,
            // or was missed upstream) must not count the object a second time.
            t.Counted = t.AlongMetres >= _countingLine;
            if (t.Hits >= _o.MinHitsToConfirm)
            {
                t.IsConfirmed = true;
                t.State = TrackState.Tracked;
            }
            _active[_activeCount++] = t;
        }

        // Counting line: each confirmed track counts once, when its centre passes the line.
        for (int i = 0; i < _activeCount; i++)
        {
            var t = _active[i];
            if (t.IsConfirmed && !t.Counted && t.AlongMetres >= _countingLine)
            {
                t.Counted = true;
                Flow.Add(t.ClassId, timestampNs);
                if (_crossingCount < _crossings.Length)
                    _crossings[_crossingCount++] = new LineCrossing(t.Id, t.ClassId, timestampNs);
            }
        }
    }

    private void Associate(ReadOnlySpan<Detection> dets, ReadOnlySpan<int> candidates, bool lowStage, long nowNs, float dt)
    {
        if (candidates.Length == 0 || _activeCount == 0) return;
        int needed = candidates.Length * _activeCount;
        if (_pairs.Length < needed) _pairs = new long[Math.Max(needed, _pairs.Length * 2)]; // grows once, then steady

        int n = 0;
        float minIoU = lowStage ? _o.MinIoULowStage : _o.MinIoU;
        for (int i = 0; i < _activeCount; i++)
        {
            if (_trackUsed[i]) continue;
            var t = _active[i];
            if (lowStage && !t.IsConfirmed) continue;
            var pred = t.Box;
            float gate = _o.DistanceGate * MathF.Max(t.Width, t.Height);
            for (int k = 0; k < candidates.Length; k++)
            {
                int j = candidates[k];
                if (_detUsed[j]) continue;
                ref readonly var d = ref dets[j];
                float iou = pred.IoU(d.Box);
                float cost;
                if (iou >= minIoU)
                {
                    cost = 1f - iou;
                }
                else
                {
                    if (lowStage) continue;
                    float dx = d.Box.CenterX - t.CenterX, dy = d.Box.CenterY - t.CenterY;
                    float dist = MathF.Sqrt(dx * dx + dy * dy);
                    if (dist > gate) continue;
                    cost = 1f + dist / MathF.Max(gate, 1e-3f); // always worse than any overlap match
                }
                _pairs[n++] = PackPair(cost, i, j);
            }
        }
        if (n == 0) return;
        if (_hungarian is not null)
        {
            AssignOptimal(dets, candidates, n, nowNs, dt);
            return;
        }
        // Sorting packed keys (cost, track, det) as plain longs: no comparer, so no boxing or delegate per frame,
        // and ties break by index, so the result is deterministic.
        _pairs.AsSpan(0, n).Sort();
        for (int p = 0; p < n; p++)
        {
            long key = _pairs[p];
            int ti = (int)((key >> 16) & 0xFFFF), dj = (int)(key & 0xFFFF);
            if (_trackUsed[ti] || _detUsed[dj]) continue;
            _trackUsed[ti] = true;
            _detUsed[dj] = true;
            Correct(_active[ti], dets[dj], nowNs, dt);
        }
    }

    /// <summary>Hungarian variant: the same gated pairs, minimum total cost; ungated pairs cost more than any real one.</summary>
    private void AssignOptimal(ReadOnlySpan<Detection> dets, ReadOnlySpan<int> candidates, int pairCount, long nowNs, float dt)
    {
        const double Forbidden = 1e6;
        int rows = 0;
        for (int p = 0; p < pairCount; p++)
        {
            int ti = (int)((_pairs[p] >> 16) & 0xFFFF);
            if (Array.IndexOf(_rows, ti, 0, rows) < 0) _rows[rows++] = ti;
        }
        int cols = candidates.Length;
        int size = Math.Max(rows, cols);
        _hungarian!.Reset(size, Forbidden);
        for (int p = 0; p < pairCount; p++)
        {
            long key = _pairs[p];
            int ti = (int)((key >> 16) & 0xFFFF), dj = (int)(key & 0xFFFF);
            float cost = BitConverter.Int32BitsToSingle((int)(key >> 32));
            _hungarian.Set(Array.IndexOf(_rows, ti, 0, rows), candidates.IndexOf(dj), cost);
        }
        _hungarian.Solve();
        for (int c = 0; c < cols; c++)
        {
            int r = _hungarian.RowOfColumn(c);
            if (r < 0 || r >= rows || _hungarian.Get(r, c) >= Forbidden) continue;
            int ti = _rows[r], dj = candidates[c];
            _trackUsed[ti] = true;
            _detUsed[dj] = true;
            Correct(_active[ti], dets[dj], nowNs, dt);
        }
    }

    private void Correct(Track t, in Detection d, long nowNs, float dt)
    {
        float zx = d.Box.CenterX, zy = d.Box.CenterY;
        float rx = zx - t.CenterX, ry = zy - t.CenterY;
        t.CenterX += _o.Alpha * rx;
        t.CenterY += _o.Alpha * ry;
        if (dt > 0)
        {
            // Velocity correction spread over the time since the last match, so a track found again after a gap is not kicked.
            float gap = Math.Max(dt, (nowNs - t.LastSeenNs) * 1e-9f);
            t.VelocityX += _o.Beta * rx / gap;
            t.VelocityY += _o.Beta * ry / gap;
        }
        var dir = _geometry.Direction;
        float along = t.VelocityX * dir.X + t.VelocityY * dir.Y;
        float crossX = t.VelocityX - along * dir.X, crossY = t.VelocityY - along * dir.Y;
        float keep = 1f - _o.CrossVelocityDamping;
        t.VelocityX = along * dir.X + crossX * keep;
        t.VelocityY = along * dir.Y + crossY * keep;
        t.Width += 0.5f * (d.Box.Width - t.Width);
        t.Height += 0.5f * (d.Box.Height - t.Height);
        t.SpeedMetresPerSecond = along / _geometry.PixelsPerMetre;

        // Speed samples span at least SpeedBaselineMs between two measured positions of the same track: over one frame
        // (7 px at 0.5 m/s, 30 fps) box jitter of a couple of pixels would be a 30 % error, over 200 ms it is 5 %.
        // A box whose length along the belt changed is being cut by the frame edge or partly hidden: its centre does not
        // move with the object, so the reference restarts there instead of giving a sample.
        float measuredAlong = _geometry.AlongMetres(zx, zy);
        float length = MathF.Abs(d.Box.Width * dir.X) + MathF.Abs(d.Box.Height * dir.Y);
        long sinceRef = nowNs - t.LastMeasuredNs;
        bool sameSize = MathF.Abs(length - t.LastMeasuredLength) <= 0.05f * t.LastMeasuredLength + 1f;
        bool restart = !sameSize || sinceRef > 1_000_000_000L || sinceRef <= 0;
        if (!restart && sinceRef >= _o.SpeedBaselineMs * 1_000_000L)
        {
            if (_speedSampleCount < _speedSamples.Length)
                _speedSamples[_speedSampleCount++] = (measuredAlong - t.LastMeasuredAlong) / (sinceRef * 1e-9f);
            restart = true;
        }
        if (restart)
        {
            t.LastMeasuredAlong = measuredAlong;
            t.LastMeasuredLength = length;
            t.LastMeasuredNs = nowNs;
        }

        t.Record(d, nowNs);
        if (!t.IsConfirmed && t.Hits >= _o.MinHitsToConfirm) t.IsConfirmed = true;
        t.State = t.IsConfirmed ? TrackState.Tracked : TrackState.Tentative;
    }

    /// <summary>The track matched this frame whose box overlaps <paramref name="box"/> most, if by at least <see cref="TrackerOptions.DuplicateIoU"/>.</summary>
    private Track? MatchedOverlapping(in BoxF box)
    {
        Track? owner = null;
        float best = _o.DuplicateIoU;
        for (int i = 0; i < _activeCount; i++)
        {
            var t = _active[i];
            if (!t.MatchedThisFrame) continue;
            float iou = t.Box.IoU(box);
            if (iou >= best)
            {
                best = iou;
                owner = t;
            }
        }
        return owner;
    }

    private void Remove(int index)
    {
        var t = _active[index];
        _activeCount--;
        _active[index] = _active[_activeCount];
        _trackUsed[index] = _trackUsed[_activeCount];
        _active[_activeCount] = null!;
        _free.Push(t);
    }

    /// <summary>Drops every track and count (camera restarted, belt geometry changed).</summary>
    public void Reset()
    {
        while (_activeCount > 0) Remove(_activeCount - 1);
        _lastNs = long.MinValue;
        Flow.Reset();
    }

    /// <summary>
    /// A non-negative float's bit pattern orders like the float, so (cost bits, track, det) packed high to low
    /// sorts by cost, then track, then detection. Cost fits 31 bits after dropping the sign; indices 16 bits each.
    /// </summary>
    private static long PackPair(float cost, int track, int det) =>
        ((long)BitConverter.SingleToInt32Bits(MathF.Max(cost, 0f)) << 32) | ((long)track << 16) | (uint)det;
}
