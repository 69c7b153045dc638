using TriVision.Core.Detections;

namespace TriVision.Analytics.Tracking;

/// <summary>
/// One physical object followed along the belt. Instances are pooled by <see cref="BeltTracker"/> and
/// reused once dropped: read them during the frame, copy what must outlive it.
/// </summary>
public sealed class Track
{
    /// <summary>Length of the per-track score history kept for alarms.</summary>
    public const int HistoryLength = 16;

    private readonly float[] _classVotes;
    private readonly float[] _scoreHistory = new float[HistoryLength];
    private readonly int[] _classHistory = new int[HistoryLength];
    private int _historyCount;
    private int _historyNext;

    internal Track(int classCount) => _classVotes = new float[classCount];

    public int Id { get; private set; }
    public TrackState State { get; internal set; }

    /// <summary>True once the track has been confirmed (it keeps its id through Lost).</summary>
    public bool IsConfirmed { get; internal set; }

    /// <summary>Class decided by score-weighted vote over every matched detection.</summary>
    public int ClassId { get; private set; }

    /// <summary>Share of the vote weight that the winning class holds (0-1).</summary>
    public float ClassConfidence { get; private set; }

    /// <summary>Score of the latest matched detection.</summary>
    public float LastScore { get; private set; }

    /// <summary>Class of the latest matched detection (before voting).</summary>
    public int LastDetectionClassId { get; private set; }

    /// <summary>Latest box: the matched detection when matched, else the motion prediction.</summary>
    public BoxF Box { get; private set; }

    /// <summary>Filtered centre and velocity, pixels and pixels per second.</summary>
    public float CenterX { get; internal set; }
    public float CenterY { get; internal set; }
    public float VelocityX { get; internal set; }
    public float VelocityY { get; internal set; }
    internal float Width;
    internal float Height;

    /// <summary>Belt position (m) of the filtered centre.</summary>
    public float AlongMetres { get; internal set; }

    /// <summary>Speed along the belt from the filter, m/s.</summary>
    public float SpeedMetresPerSecond { get; internal set; }

    public int Hits { get; private set; }
    public long FirstSeenNs { get; private set; }
    public long LastSeenNs { get; private set; }

    /// <summary>Matched in the frame just processed.</summary>
    public bool MatchedThisFrame { get; internal set; }

    // Measured (unfiltered) along-belt position at the previous match: belt speed samples come from these.
    internal float LastMeasuredAlong;
    internal float LastMeasuredLength;
    internal long LastMeasuredNs;
    internal bool Counted;

    /// <summary>Recent detection scores, oldest first, up to <see cref="HistoryLength"/>.</summary>
    public int CopyScoreHistory(Span<float> scores, Span<int> classes)
    {
        int n = Math.Min(_historyCount, Math.Min(scores.Length, classes.Length));
        int start = (_historyNext - _historyCount + HistoryLength) % HistoryLength;
        int skip = _historyCount - n;
        for (int i = 0; i < n; i++)
        {
            int k = (start + skip + i) % HistoryLength;
            scores[i] = _scoreHistory[k];
            classes[i] = _classHistory[k];
        }
        return n;
    }

    public int HistoryCount => _historyCount;

    /// <summary>Sum of every class's vote weight.</summary>
    public float VoteTotal { get; private set; }

    public float VoteFor(int classId) => (uint)classId < (uint)_classVotes.Length ? _classVotes[classId] : 0f;

    internal void Start(int id, in Detection d, long nowNs, float vx, float vy)
    {
        Id = id;
        State = TrackState.Tentative;
        IsConfirmed = false;
        Array.Clear(_classVotes);
        _historyCount = 0;
        _historyNext = 0;
        Hits = 0;
        FirstSeenNs = nowNs;
        Counted = false;
        CenterX = d.Box.CenterX;
        CenterY = d.Box.CenterY;
        Width = d.Box.Width;
        Height = d.Box.Height;
        VelocityX = vx;
        VelocityY = vy;
        LastMeasuredNs = 0;
        Record(d, nowNs);
    }

    /// <summary>Adds a matched detection's vote, score history and box.</summary>
    internal void Record(in Detection d, long nowNs)
    {
        Hits++;
        LastSeenNs = nowNs;
        LastScore = d.Score;
        LastDetectionClassId = d.ClassId;
        Box = d.Box;
        MatchedThisFrame = true;
        _scoreHistory[_historyNext] = d.Score;
        _classHistory[_historyNext] = d.ClassId;
        _historyNext = (_historyNext + 1) % HistoryLength;
        if (_historyCount < HistoryLength) _historyCount++;

        Vote(d.ClassId, d.Score);
    }

    /// <summary>Adds a class vote without a position: a second box the detector put on this same object (another class's box left by class-aware NMS).</summary>
    internal void Vote(int classId, float score)
    {
        if ((uint)classId < (uint)_classVotes.Length)
            _classVotes[classId] += score;
        float total = 0, best = -1;
        int bestId = ClassId;
        for (int c = 0; c < _classVotes.Length; c++)
        {
            float v = _classVotes[c];
            total += v;
            if (v > best) { best = v; bestId = c; }
        }
        ClassId = bestId;
        VoteTotal = total;
        ClassConfidence = total > 0 ? best / total : 0f;
    }

    internal void SetPredictedBox() => Box = BoxF.FromCenter(CenterX, CenterY, Width, Height);
}
