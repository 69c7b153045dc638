namespace TriVision.Messaging.Health;

/// <summary>What the heartbeat reports: how many frames were inferred and when the last one finished.</summary>
public interface IInferenceProgress
{
    long FrameCount { get; }

    /// <summary><see cref="TriVision.Core.Time.MonotonicClock.NowNs"/> of the last completed inference, or 0 before the first.</summary>
    long LastInferenceNs { get; }
}
