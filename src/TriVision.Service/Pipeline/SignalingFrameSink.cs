using TriVision.Core.Frames;

namespace TriVision.Service.Pipeline;

/// <summary>
/// Puts frames into the camera's <see cref="LatestFrameSlot"/> and wakes the inference thread, so
/// that thread can block on a reusable event instead of turning each wait into a Task: no
/// allocation per frame even when inference is faster than the camera.
/// </summary>
internal sealed class SignalingFrameSink(LatestFrameSlot slot) : IFrameSink, IDisposable
{
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 0);
    private volatile bool _completed;

    public void OnFrame(Frame frame)
    {
        slot.OnFrame(frame);
        _signal.Set();
    }

    /// <summary>Blocks until a frame is waiting (the caller then holds its reference), or returns null once completed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled while waiting.</exception>
    public Frame? Take(CancellationToken token)
    {
        while (true)
        {
            // Reset before looking: a frame posted after the look sets the event again, so no wake-up is lost.
            _signal.Reset();
            if (slot.TryDequeue(out var frame)) return frame;
            if (_completed) return null;
            _signal.Wait(token);
        }
    }

    public void Complete()
    {
        _completed = true;
        slot.Complete();
        _signal.Set();
    }

    public void Dispose() => _signal.Dispose();
}
