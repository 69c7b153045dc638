using TriVision.Core.Time;

namespace TriVision.Messaging.Health;

/// <summary>A lock-free counter the inference stage bumps once per frame; the heartbeat reads it.</summary>
public sealed class InferenceProgress : IInferenceProgress
{
    private long _frames;
    private long _lastNs;

    public long FrameCount => Interlocked.Read(ref _frames);
    public long LastInferenceNs => Interlocked.Read(ref _lastNs);

    /// <summary>Call after each completed inference. No allocation.</summary>
    public void Report()
    {
        Interlocked.Exchange(ref _lastNs, MonotonicClock.NowNs);
        Interlocked.Increment(ref _frames);
    }
}
