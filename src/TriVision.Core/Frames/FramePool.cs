using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TriVision.Core.Frames;

/// <summary>
/// A fixed set of pinned, 64-byte aligned native frame buffers. Capture writes into them in place
/// (a camera stack may DMA straight into one), so the memory never moves and is never reallocated.
/// Renting never allocates and never blocks: when every buffer is out, the rent fails and the drop
/// is counted, because a capture thread that waits for memory builds exactly the backlog we avoid.
/// </summary>
public sealed unsafe class FramePool : IDisposable
{
    /// <summary>Alignment of every buffer: a cache line, and enough for AVX-512 loads.</summary>
    public const int Alignment = 64;

    private readonly Frame[] _frames;
    private readonly int[] _free;
    private readonly object _gate = new();
    private int _freeCount;
    private long _rented;
    private long _returned;
    private long _exhausted;
    private long _doubleReleases;
    private bool _disposed;
    private bool _freed;

    /// <param name="format">Format of the frames; sets the default buffer size.</param>
    /// <param name="capacity">Number of buffers; fixed for the pool's life.</param>
    /// <param name="cameraId">Camera the frames belong to (metrics tag, frame metadata).</param>
    /// <param name="bufferSize">Bytes per buffer when a device needs more than the format (e.g. a GenICam payload with chunk data); 0 = the format's size.</param>
    public FramePool(FrameFormat format, int capacity, string cameraId = "", int bufferSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(bufferSize);
        Format = format;
        CameraId = cameraId;
        BufferSize = Math.Max(bufferSize, format.BufferSize);
        _frames = new Frame[capacity];
        _free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            void* memory = NativeMemory.AlignedAlloc((nuint)BufferSize, Alignment);
            _frames[i] = new Frame(this, i, (nint)memory, BufferSize);
            _free[i] = capacity - 1 - i;
        }
        _freeCount = capacity;
        FrameMetrics.Register(this);
    }

    public FrameFormat Format { get; }
    public string CameraId { get; }
    public int BufferSize { get; }
    public int Capacity => _frames.Length;

    /// <summary>Buffers currently rented (held by the capture stack or by the pipeline).</summary>
    public int InUse { get { lock (_gate) return _frames.Length - _freeCount; } }

    public long RentedTotal => Interlocked.Read(ref _rented);
    public long ReturnedTotal => Interlocked.Read(ref _returned);

    /// <summary>Rents that failed because every buffer was out: each one is a dropped frame.</summary>
    public long ExhaustedCount => Interlocked.Read(ref _exhausted);

    /// <summary>Releases of a frame whose count was already zero: a bug in a holder, counted rather than corrupting the pool.</summary>
    public long DoubleReleaseCount => Interlocked.Read(ref _doubleReleases);

    /// <summary>All frames of the pool, for sources that bind native buffers to them once (Aravis).</summary>
    public ReadOnlySpan<Frame> Frames => _frames;

    /// <summary>Rents a buffer with a reference count of one, or returns false (and counts the drop) when none is free.</summary>
    public bool TryRent([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Frame? frame)
    {
        int index = -1;
        lock (_gate)
        {
            if (!_disposed && _freeCount > 0) index = _free[--_freeCount];
        }
        if (index < 0)
        {
            Interlocked.Increment(ref _exhausted);
            FrameMetrics.PoolExhausted(CameraId);
            frame = null;
            return false;
        }
        frame = _frames[index];
        frame.OnRented(Format);
        Interlocked.Increment(ref _rented);
        return true;
    }

    /// <summary>Rents a buffer or returns null when the pool is exhausted (counted).</summary>
    public Frame? Rent() => TryRent(out var frame) ? frame : null;

    internal void Return(Frame frame)
    {
        Interlocked.Increment(ref _returned);
        bool free;
        lock (_gate)
        {
            Debug.Assert(_freeCount < _frames.Length, "more returns than buffers");
            _free[_freeCount++] = frame.Index;
            free = _disposed && _freeCount == _frames.Length;
        }
        if (free) FreeMemory();
    }

    internal void CountDoubleRelease() => Interlocked.Increment(ref _doubleReleases);

    /// <summary>
    /// Stops renting. The native memory is freed once every outstanding frame has come back, so a
    /// stage still holding a frame when its camera is removed never reads freed memory.
    /// </summary>
    public void Dispose()
    {
        bool free;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            free = _freeCount == _frames.Length;
        }
        FrameMetrics.Unregister(this);
        if (free) FreeMemory();
    }

    private void FreeMemory()
    {
        lock (_gate)
        {
            if (_freed) return;
            _freed = true;
        }
        foreach (var frame in _frames)
            NativeMemory.AlignedFree((void*)frame.Pointer);
    }
}
