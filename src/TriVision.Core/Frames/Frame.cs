using System.Diagnostics;

namespace TriVision.Core.Frames;

/// <summary>
/// One pooled frame buffer and the metadata of the image it currently holds. Reference counted:
/// every stage that keeps the frame beyond the call that handed it over calls <see cref="AddRef"/>,
/// and every holder calls <see cref="Release"/> exactly once; the last release returns the buffer
/// to its pool. The object itself is reused for the pool's life, so holding a reference after
/// releasing it is a bug (the buffer may already hold a newer image).
/// </summary>
public sealed unsafe class Frame
{
    private int _refCount;

    internal Frame(FramePool pool, int index, nint pointer, int capacity)
    {
        Pool = pool;
        Index = index;
        Pointer = pointer;
        Capacity = capacity;
        Format = pool.Format;
        CameraId = pool.CameraId;
    }

    public FramePool Pool { get; }

    /// <summary>Position of this buffer in its pool; stable for the pool's life.</summary>
    public int Index { get; }

    /// <summary>Start of the pinned, 64-byte aligned buffer.</summary>
    public nint Pointer { get; }

    /// <summary>Bytes the buffer holds (at least <see cref="FrameFormat.BufferSize"/>).</summary>
    public int Capacity { get; }

    public int RefCount => Volatile.Read(ref _refCount);

    /// <summary>Layout of the image in the buffer.</summary>
    public FrameFormat Format { get; set; }

    public string CameraId { get; set; }

    /// <summary>Per-source sequence number assigned by TriVision, from 0, with no gaps between delivered frames of one session.</summary>
    public long Sequence { get; set; }

    /// <summary>Frame id from the device (GenICam block id); 0 when the source has none.</summary>
    public ulong DeviceFrameId { get; set; }

    /// <summary>Capture time on <see cref="Time.MonotonicClock"/> (ns), taken when the image was complete in the buffer.</summary>
    public long CaptureTimestampNs { get; set; }

    /// <summary>Device timestamp in ns on the device's own clock; 0 when the source has none.</summary>
    public ulong DeviceTimestampNs { get; set; }

    /// <summary>The image bytes (<see cref="FrameFormat.BufferSize"/> of them).</summary>
    public Span<byte> Span => new((void*)Pointer, Format.BufferSize);

    /// <summary>The whole buffer, for writers that need the device payload size.</summary>
    public Span<byte> Buffer => new((void*)Pointer, Capacity);

    internal void OnRented(FrameFormat format)
    {
        Format = format;
        Sequence = 0;
        DeviceFrameId = 0;
        CaptureTimestampNs = 0;
        DeviceTimestampNs = 0;
        Volatile.Write(ref _refCount, 1);
    }

    /// <summary>Adds a holder. Only valid while the caller itself holds a reference.</summary>
    public Frame AddRef()
    {
        int after = Interlocked.Increment(ref _refCount);
        if (after <= 1)
        {
            Interlocked.Decrement(ref _refCount);
            throw new InvalidOperationException($"AddRef on frame {Index} of camera '{CameraId}' that is back in its pool.");
        }
        return this;
    }

    /// <summary>
    /// Drops one holder; the last one returns the buffer to the pool. A release beyond the last is
    /// counted on the pool and, in debug builds, throws so that tests find the faulty stage.
    /// </summary>
    public void Release()
    {
        int after = Interlocked.Decrement(ref _refCount);
        if (after > 0) return;
        if (after == 0)
        {
            Pool.Return(this);
            return;
        }
        Interlocked.Increment(ref _refCount);
        Pool.CountDoubleRelease();
        ThrowDoubleReleaseInDebug();
    }

    [Conditional("DEBUG")]
    private void ThrowDoubleReleaseInDebug() =>
        throw new InvalidOperationException($"Frame {Index} of camera '{CameraId}' released more times than it was referenced.");

    /// <summary>A disposable holder for one reference, for <c>using</c> blocks.</summary>
    public FrameLease Lease() => new(this);

    public override string ToString() => $"frame {CameraId}#{Sequence} ({Format})";
}
