namespace TriVision.Analytics.Tracking;

/// <summary>Tracker tuning. Defaults suit a belt filmed at 10-30 fps with objects tens of pixels wide.</summary>
public sealed class TrackerOptions
{
    /// <summary>Detections at or above this score go to the first association stage and may start tracks (ByteTrack's high threshold).</summary>
    public float HighScoreThreshold { get; set; } = 0.5f;

    /// <summary>Detections between this and <see cref="HighScoreThreshold"/> can only extend existing tracks (second stage).</summary>
    public float LowScoreThreshold { get; set; } = 0.1f;

    /// <summary>A new track needs a detection at least this confident (a bit above the high threshold keeps flicker from spawning tracks).</summary>
    public float NewTrackThreshold { get; set; } = 0.6f;

    /// <summary>
    /// An unclaimed detection overlapping a track matched in the same frame by at least this IoU is a second box on that
    /// object (class-aware NMS keeps one box per class, so an object the model hesitates on gets two): it votes for the
    /// track's class instead of starting a duplicate track. 1 keeps only exact copies out. Two boxes of one object
    /// overlap closely; 0.7 keeps an object lying under clear film or glass (boxes overlapping 0.5-0.7) a second
    /// object with its own track, where 0.5 let the can under the film vote into the film's track and go unalarmed.
    /// </summary>
    public float DuplicateIoU { get; set; } = 0.7f;

    /// <summary>First stage gate: minimum IoU with the predicted box, unless the centre-distance gate accepts the pair.</summary>
    public float MinIoU { get; set; } = 0.1f;

    /// <summary>Second stage gate: low-score detections must overlap the prediction at least this much.</summary>
    public float MinIoULowStage { get; set; } = 0.3f;

    /// <summary>Centre-distance gate as a multiple of the track's larger box side (catches fast objects at low frame rates).</summary>
    public float DistanceGate { get; set; } = 0.5f;

    /// <summary>Hits before a track is confirmed.</summary>
    public int MinHitsToConfirm { get; set; } = 2;

    /// <summary>How long a lost track is kept, coasting along the belt, before it is dropped (occlusions, missed detections).</summary>
    public int LostBufferMs { get; set; } = 1500;

    /// <summary>Alpha-beta filter gains on the centre position (alpha) and velocity (beta).</summary>
    public float Alpha { get; set; } = 0.6f;
    public float Beta { get; set; } = 0.2f;

    /// <summary>Velocity across the belt is damped by this factor per update: objects lie on the belt and do not drift sideways.</summary>
    public float CrossVelocityDamping { get; set; } = 0.5f;

    /// <summary>Capacity of the pools (tracks and detections per frame); beyond it, extra detections are ignored and counted.</summary>
    public int MaxTracks { get; set; } = 512;
    public int MaxDetectionsPerFrame { get; set; } = 512;

    /// <summary>Number of class ids the voter keeps (the shipped model has 5).</summary>
    public int ClassCount { get; set; } = 8;

    /// <summary>Belt position (m) of the counting line; NaN puts it in the middle of the view.</summary>
    public float CountingLineMetres { get; set; } = float.NaN;

    /// <summary>Window over which flow per minute is measured.</summary>
    public int FlowWindowMs { get; set; } = 60_000;

    /// <summary>Pair selection: greedy on sorted costs (default) or Hungarian (minimum total cost).</summary>
    public MatchingAlgorithm Matching { get; set; } = MatchingAlgorithm.Greedy;

    /// <summary>Shortest time between the two positions of a belt speed sample (longer baseline, less box jitter).</summary>
    public int SpeedBaselineMs { get; set; } = 200;

    public void Validate()
    {
        static void Check(bool ok, string key, object value, string allowed)
        {
            if (!ok) throw new ArgumentException($"Tracker option {key} = {value}: {allowed}.");
        }
        Check(LowScoreThreshold >= 0 && LowScoreThreshold <= HighScoreThreshold, nameof(LowScoreThreshold), LowScoreThreshold, "must be in [0, HighScoreThreshold]");
        Check(HighScoreThreshold <= 1, nameof(HighScoreThreshold), HighScoreThreshold, "must be <= 1");
        Check(NewTrackThreshold >= HighScoreThreshold && NewTrackThreshold <= 1, nameof(NewTrackThreshold), NewTrackThreshold, "must be in [HighScoreThreshold, 1]");
        Check(DuplicateIoU > 0 && DuplicateIoU <= 1, nameof(DuplicateIoU), DuplicateIoU, "must be in (0, 1]");
        Check(MinIoU >= 0 && MinIoU < 1, nameof(MinIoU), MinIoU, "must be in [0, 1)");
        Check(MinIoULowStage >= 0 && MinIoULowStage < 1, nameof(MinIoULowStage), MinIoULowStage, "must be in [0, 1)");
        Check(DistanceGate >= 0, nameof(DistanceGate), DistanceGate, "must be >= 0");
        Check(MinHitsToConfirm >= 1, nameof(MinHitsToConfirm), MinHitsToConfirm, "must be >= 1");
        Check(LostBufferMs >= 0, nameof(LostBufferMs), LostBufferMs, "must be >= 0");
        Check(Alpha > 0 && Alpha <= 1, nameof(Alpha), Alpha, "must be in (0, 1]");
        Check(Beta >= 0 && Beta <= 1, nameof(Beta), Beta, "must be in [0, 1]");
        Check(CrossVelocityDamping >= 0 && CrossVelocityDamping <= 1, nameof(CrossVelocityDamping), CrossVelocityDamping, "must be in [0, 1]");
        Check(MaxTracks is >= 1 and <= 65535, nameof(MaxTracks), MaxTracks, "must be in [1, 65535]");
        Check(MaxDetectionsPerFrame is >= 1 and <= 65535, nameof(MaxDetectionsPerFrame), MaxDetectionsPerFrame, "must be in [1, 65535]");
        Check(ClassCount >= 1 && ClassCount <= 256, nameof(ClassCount), ClassCount, "must be in [1, 256]");
        Check(SpeedBaselineMs is >= 0 and <= 1000, nameof(SpeedBaselineMs), SpeedBaselineMs, "must be in [0, 1000]");
        Check(Enum.IsDefined(Matching), nameof(Matching), Matching, "must be Greedy or Hungarian");
        Check(FlowWindowMs >= 1000, nameof(FlowWindowMs), FlowWindowMs, "must be >= 1000");
    }
}
