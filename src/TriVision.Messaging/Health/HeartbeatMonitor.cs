namespace TriVision.Messaging.Health;

/// <summary>
/// Decides, each period, whether the pipeline is alive enough to deserve a heartbeat: the frame
/// counter must have moved within <see cref="HeartbeatOptions.StallPeriods"/> periods. A pipeline
/// that never produced a frame counts as stalled from start-up plus that grace.
/// </summary>
public sealed class HeartbeatMonitor
{
    private readonly long _stallNs;
    private long _lastFrames = -1;
    private long _lastProgressNs;

    public HeartbeatMonitor(HeartbeatOptions options, long startNs)
    {
        _stallNs = (long)(options.Period.Ticks * 100L * options.StallPeriods);
        _lastProgressNs = startNs;
    }

    /// <summary>True while stalled (the last <see cref="Tick"/> withheld the heartbeat).</summary>
    public bool Stalled { get; private set; }

    /// <summary>Nanoseconds since the frame counter last moved.</summary>
    public long SinceProgressNs(long nowNs) => nowNs - _lastProgressNs;

    /// <summary>Returns true when a heartbeat should be published now.</summary>
    public bool Tick(long nowNs, long frames)
    {
        if (frames != _lastFrames)
        {
            if (_lastFrames >= 0 || frames > 0) _lastProgressNs = nowNs;
            _lastFrames = frames;
        }
        Stalled = nowNs - _lastProgressNs > _stallNs;
        return !Stalled;
    }
}
