using System.Threading.Tasks.Sources;
using TriVision.Core.Time;

namespace TriVision.Core.Frames;

/// <summary>
/// The hand-over between a camera and the pipeline: keeps at most <see cref="Capacity"/> frames,
/// the newest ones. When the pipeline is slower than the camera, posting a frame into a full slot
/// drops (releases and counts) the oldest waiting frame, so the pipeline always works on a recent
/// picture and lag cannot grow. One consumer; any number of producers.
/// </summary>
public sealed class LatestFrameSlot : IFrameSink, IValueTaskSource<Frame?>, IDisposable
{
    private readonly Frame?[] _ring;
    private readonly object _gate = new();
    private ManualResetValueTaskSourceCore<Frame?> _waiter = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _waiterCancellation;
    private bool _waiting;
    private int _head;
    private int _count;
    private bool _completed;
    private long _posted;
    private long _dropped;
    private long _dequeued;
    private long _lastLagNs;

    public LatestFrameSlot(string cameraId, int capacity = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        CameraId = cameraId;
        _ring = new Frame?[capacity];
    }

    public string CameraId { get; }
    public int Capacity => _ring.Length;

    public int Count { get { lock (_gate) return _count; } }
    public long PostedCount => Interlocked.Read(ref _posted);

    /// <summary>Frames dropped because a newer one replaced them before the pipeline took them.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);
    public long DequeuedCount => Interlocked.Read(ref _dequeued);

    /// <summary>Capture-to-dequeue lag of the last frame taken, in ns.</summary>
    public long LastLagNs => Interlocked.Read(ref _lastLagNs);

    /// <summary>Takes over the caller's reference. Never blocks; drops the oldest frame when full.</summary>
    public void OnFrame(Frame frame)
    {
        Frame? dropped = null;
        bool handToWaiter = false;
        lock (_gate)
        {
            if (_completed)
            {
                dropped = frame;
            }
            else if (_waiting)
            {
                _waiting = false;
                handToWaiter = true;
            }
            else
            {
                if (_count == _ring.Length)
                {
                    dropped = _ring[_head];
                    _ring[_head] = null;
                    _head = (_head + 1) % _ring.Length;
                    _count--;
                }
                _ring[(_head + _count) % _ring.Length] = frame;
                _count++;
            }
            Interlocked.Increment(ref _posted);
        }
        if (dropped is not null)
        {
            Interlocked.Increment(ref _dropped);
            FrameMetrics.Dropped(CameraId, "slot");
            dropped.Release();
        }
        if (handToWaiter)
        {
            _waiterCancellation.Dispose();
            OnDequeued(frame);
            _waiter.SetResult(frame);
        }
    }

    /// <summary>Takes the oldest waiting frame (the caller now holds its reference), or false when none waits.</summary>
    public bool TryDequeue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Frame? frame)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                frame = null;
                return false;
            }
            frame = TakeLocked();
        }
        OnDequeued(frame);
        return true;
    }

    /// <summary>
    /// Waits for a frame; the caller then holds its reference. Completes with null once the slot is
    /// completed. One waiter at a time; no allocation when a frame is already waiting.
    /// </summary>
    public ValueTask<Frame?> DequeueAsync(CancellationToken cancellationToken = default)
    {
        Frame? frame;
        lock (_gate)
        {
            if (_waiting) throw new InvalidOperationException("LatestFrameSlot has one consumer: a DequeueAsync is already pending.");
            if (_count > 0)
            {
                frame = TakeLocked();
            }
            else if (_completed)
            {
                return ValueTask.FromResult<Frame?>(null);
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                _waiter.Reset();
                _waiting = true;
                if (cancellationToken.CanBeCanceled)
                    _waiterCancellation = cancellationToken.UnsafeRegister(static (state, token) => ((LatestFrameSlot)state!).CancelWaiter(token), this);
                return new ValueTask<Frame?>(this, _waiter.Version);
            }
        }
        OnDequeued(frame);
        return ValueTask.FromResult<Frame?>(frame);
    }

    /// <summary>No more frames: releases the waiting ones and wakes the consumer with null.</summary>
    public void Complete()
    {
        bool wake;
        lock (_gate)
        {
            if (_completed) return;
            _completed = true;
            wake = _waiting;
            _waiting = false;
        }
        ReleaseAll();
        if (wake)
        {
            _waiterCancellation.Dispose();
            _waiter.SetResult(null);
        }
    }

    /// <summary>Releases every waiting frame (e.g. when the pipeline restarts).</summary>
    public void ReleaseAll()
    {
        while (true)
        {
            Frame? frame;
            lock (_gate)
            {
                if (_count == 0) return;
                frame = TakeLocked();
            }
            frame.Release();
        }
    }

    public void Dispose() => Complete();

    private Frame TakeLocked()
    {
        var frame = _ring[_head]!;
        _ring[_head] = null;
        _head = (_head + 1) % _ring.Length;
        _count--;
        return frame;
    }

    private void OnDequeued(Frame frame)
    {
        Interlocked.Increment(ref _dequeued);
        if (frame.CaptureTimestampNs == 0) return;
        long lag = MonotonicClock.NowNs - frame.CaptureTimestampNs;
        Interlocked.Exchange(ref _lastLagNs, lag);
        FrameMetrics.Lag(CameraId, lag / 1_000_000.0);
    }

    private void CancelWaiter(CancellationToken token)
    {
        lock (_gate)
        {
            if (!_waiting) return;
            _waiting = false;
        }
        _waiter.SetException(new OperationCanceledException(token));
    }

    Frame? IValueTaskSource<Frame?>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<Frame?>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<Frame?>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);
}
