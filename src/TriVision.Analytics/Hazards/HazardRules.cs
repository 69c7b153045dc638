using TriVision.Analytics.BeltState;
using TriVision.Analytics.Geometry;
using TriVision.Analytics.Tracking;

namespace TriVision.Analytics.Hazards;

/// <summary>
/// Turns tracks into hazard alarms: exactly one alarm per physical object. A track qualifies in a
/// frame when it was matched, its voted class has a rule, the detection score meets the class's
/// threshold (or the zone's override at the track's belt position), the frame's box is of a hazard class
/// (<see cref="HazardRuleOptions.RequireHazardBox"/>) and hazard classes hold at least
/// <see cref="HazardRuleOptions.MinHazardShare"/> of the track's class vote. After
/// <see cref="HazardClassRule.ConfirmFrames"/> qualifying frames or <see cref="HazardClassRule.ConfirmMs"/>
/// since the first one, one alarm is raised for the track id. Because a tracker can still lose an
/// object and give it a new id, a new alarm is also suppressed when an earlier alarm of the same class,
/// whose track is no longer matched, is predicted (its position moved on at its measured speed) within
/// <see cref="HazardRuleOptions.SuppressDistanceMetres"/> of the track along and across the belt.
/// Allocates only when it raises an alarm.
/// </summary>
public sealed class HazardRules
{
    private readonly BeltGeometry _geometry;
    private readonly HazardRuleOptions _options;
    private readonly HazardClassRule?[] _byClass;
    private readonly Dictionary<int, Candidate> _candidates = new(256);
    private readonly List<int> _stale = new(256);
    private readonly List<Remembered> _remembered = new(64);
    private readonly List<HazardAlarm> _raised = new(8);
    private int _generation;

    public HazardRules(BeltGeometry geometry, HazardRuleOptions options)
    {
        _geometry = geometry ?? throw new ArgumentNullException(nameof(geometry));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        int max = 0;
        foreach (var c in options.Classes) max = Math.Max(max, c.ClassId + 1);
        _byClass = new HazardClassRule?[max];
        foreach (var c in options.Classes) _byClass[c.ClassId] = c;
    }

    /// <summary>Alarms raised by the last <see cref="Evaluate"/> (reused list: copy to keep).</summary>
    public IReadOnlyList<HazardAlarm> Raised => _raised;

    /// <summary>New track ids that were not alarmed because an existing alarm already covers their object.</summary>
    public long SuppressedDuplicates { get; private set; }

    public bool IsHazardClass(int classId) => (uint)classId < (uint)_byClass.Length && _byClass[classId] is not null;

    /// <summary>Evaluates the tracks of one frame; returns the number of alarms raised (see <see cref="Raised"/>).</summary>
    public int Evaluate(long nowNs, ReadOnlySpan<Track> tracks, BeltSpeed beltSpeed)
    {
        _raised.Clear();
        _generation++;
        long memoryNs = _options.SuppressMemoryMs * 1_000_000L;
        for (int i = _remembered.Count - 1; i >= 0; i--)
            if (nowNs - _remembered[i].RaisedNs > memoryNs) _remembered.RemoveAt(i);

        foreach (var t in tracks)
        {
            _candidates.TryGetValue(t.Id, out var c);
            c.Generation = _generation;
            if (!c.Alarmed && t.MatchedThisFrame && IsHazardClass(t.ClassId))
            {
                var rule = _byClass[t.ClassId]!;
                string? zone = null;
                float threshold = ThresholdAt(rule, t.AlongMetres, ref zone);
                bool qualifies = t.LastScore >= threshold
                                 && (!_options.RequireHazardBox || IsHazardClass(t.LastDetectionClassId))
                                 && HazardShare(t) >= _options.MinHazardShare;
                if (qualifies)
                {
                    if (c.Qualifying == 0) c.FirstQualifyingNs = nowNs;
                    c.Qualifying++;
                }
                // Confirmed on a qualifying frame once the hazard has qualified in ConfirmFrames frames, or in at least two
                // frames ConfirmMs apart (a slow camera); one lucky frame followed by misses never raises an alarm.
                bool confirmed = qualifies && t.IsConfirmed &&
                                 (c.Qualifying >= rule.ConfirmFrames ||
                                  (c.Qualifying >= 2 && nowNs - c.FirstQualifyingNs >= rule.ConfirmMs * 1_000_000L));
                if (confirmed)
                {
                    c.Alarmed = true;
                    float speed = beltSpeed.IsKnown ? beltSpeed.MetresPerSecond : t.SpeedMetresPerSecond;
                    if (IsDuplicate(t, tracks, nowNs))
                        SuppressedDuplicates++;
                    else
                        Raise(t, rule, zone, nowNs, speed, beltSpeed.IsKnown ? beltSpeed.Source : SpeedSource.None);
                }
            }
            _candidates[t.Id] = c;
        }

        // Forget tracks the tracker dropped (Remove during enumeration is allowed for Dictionary).
        _stale.Clear();
        foreach (var kv in _candidates)
            if (kv.Value.Generation != _generation) _stale.Add(kv.Key);
        foreach (var id in _stale) _candidates.Remove(id);
        return _raised.Count;
    }

    /// <summary>Share of the track's class vote that went to hazard classes.</summary>
    private float HazardShare(Track t)
    {
        if (t.VoteTotal <= 0) return 0f;
        float hazard = 0;
        foreach (var c in _options.Classes) hazard += t.VoteFor(c.ClassId);
        return hazard / t.VoteTotal;
    }

    private float ThresholdAt(HazardClassRule rule, float along, ref string? zone)
    {
        float threshold = rule.MinScore;
        foreach (var z in _options.Zones)
        {
            if (along < z.StartMetres || along >= z.EndMetres) continue;
            foreach (var zt in z.Thresholds)
            {
                if (zt.ClassId != rule.ClassId) continue;
                threshold = zt.MinScore;
                zone = z.Name;
            }
        }
        return threshold;
    }

    /// <summary>
    /// The same object under a new track id: an earlier alarm of the same class whose own track is no longer matched
    /// (lost or gone), predicted within the suppression distance along the belt and across it. While the earlier
    /// track is still matched, a neighbour is another object (two batteries side by side each get their alarm).
    /// </summary>
    private bool IsDuplicate(Track candidate, ReadOnlySpan<Track> tracks, long nowNs)
    {
        float across = _geometry.AcrossMetres(candidate.CenterX, candidate.CenterY);
        foreach (var r in _remembered)
        {
            if (r.ClassId != candidate.ClassId) continue;
            float speed = float.IsFinite(r.Speed) ? r.Speed : 0f;
            float predicted = r.Position + speed * ((nowNs - r.RaisedNs) * 1e-9f);
            if (MathF.Abs(predicted - candidate.AlongMetres) > _options.SuppressDistanceMetres) continue;
            if (MathF.Abs(r.Across - across) > _options.SuppressDistanceMetres) continue;
            bool originalStillSeen = false;
            foreach (var t in tracks)
                if (t.Id == r.TrackId && t.MatchedThisFrame) { originalStillSeen = true; break; }
            if (!originalStillSeen) return true;
        }
        return false;
    }

    private void Raise(Track t, HazardClassRule rule, string? zone, long nowNs, float speed, SpeedSource source)
    {
        int n = t.HistoryCount;
        var scores = new float[n];
        var classes = new int[n];
        t.CopyScoreHistory(scores, classes);
        float sum = 0;
        int same = 0;
        for (int i = 0; i < n; i++)
        {
            if (classes[i] != rule.ClassId) continue;
            sum += scores[i];
            same++;
        }
        float confidence = same > 0 ? sum / same * t.ClassConfidence : t.LastScore * t.ClassConfidence;

        var points = _geometry.DownstreamPoints;
        var etas = new PointEta[points.Length];
        for (int i = 0; i < points.Length; i++)
            etas[i] = new PointEta(points[i].Name, points[i].DistanceMetres, BeltGeometry.EtaSeconds(t.AlongMetres, speed, points[i]));

        _raised.Add(new HazardAlarm(_geometry.CameraId, t.Id, rule.ClassId, rule.Name, rule.Action, confidence, scores, classes,
            t.AlongMetres, t.Box, speed, source, etas, t.FirstSeenNs, nowNs, zone));
        _remembered.Add(new Remembered(rule.ClassId, t.Id, t.AlongMetres, _geometry.AcrossMetres(t.CenterX, t.CenterY), speed, nowNs));
    }

    private struct Candidate
    {
        public int Qualifying;
        public long FirstQualifyingNs;
        public bool Alarmed;
        public int Generation;
    }

    private readonly record struct Remembered(int ClassId, int TrackId, float Position, float Across, float Speed, long RaisedNs);
}
