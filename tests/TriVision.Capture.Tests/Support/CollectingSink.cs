using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Support;

/// <summary>A sink that records what it got and releases every frame at once (a consumer that keeps up).</summary>
internal sealed class CollectingSink : IFrameSink
{
    private readonly object _gate = new();
    private readonly List<(long Sequence, ulong DeviceFrameId, FrameFormat Format, int Length, byte First, long CaptureNs)> _frames = new();

    public Func<Frame, bool>? Check { get; init; }

    public int Count { get { lock (_gate) return _frames.Count; } }

    public List<(long Sequence, ulong DeviceFrameId, FrameFormat Format, int Length, byte First, long CaptureNs)> Snapshot()
    {
        lock (_gate) return new(_frames);
    }

    public void OnFrame(Frame frame)
    {
        lock (_gate)
        {
            _frames.Add((frame.Sequence, frame.DeviceFrameId, frame.Format, frame.Span.Length, frame.Span[0], frame.CaptureTimestampNs));
            Monitor.PulseAll(_gate);
        }
        frame.Release();
    }

    /// <summary>Waits until at least <paramref name="count"/> frames arrived; false on timeout.</summary>
    public bool WaitFor(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_frames.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }
}
