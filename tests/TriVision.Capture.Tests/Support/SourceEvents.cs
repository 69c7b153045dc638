using System.Collections.Concurrent;
using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.Tests.Support;

/// <summary>Records a source's fault/recovery/completion events with their time.</summary>
internal sealed class SourceEvents
{
    public ConcurrentQueue<(long AtNs, CameraFaultEventArgs Args)> Faults { get; } = new();
    public ConcurrentQueue<(long AtNs, CameraRecoveredEventArgs Args)> Recoveries { get; } = new();
    public ManualResetEventSlim FaultSeen { get; } = new();
    public ManualResetEventSlim RecoverySeen { get; } = new();
    public ManualResetEventSlim CompletedSeen { get; } = new();

    public SourceEvents(IFrameSource source)
    {
        source.Faulted += (_, e) => { Faults.Enqueue((MonotonicClock.NowNs, e)); FaultSeen.Set(); };
        source.Recovered += (_, e) => { Recoveries.Enqueue((MonotonicClock.NowNs, e)); RecoverySeen.Set(); };
        source.Completed += (_, _) => CompletedSeen.Set();
    }

    public string Describe() => string.Join(" | ", Faults.Select(f => f.Args.Message));
}
