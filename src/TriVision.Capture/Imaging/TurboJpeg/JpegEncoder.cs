using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>
/// Encodes BGR8/RGB8/Mono8 frames to JPEG into a buffer it owns and reuses: the buffer is sized
/// for the worst case (tjBufSize) and TurboJPEG is told never to reallocate it, so encoding the
/// same frame size again allocates nothing. The span returned by <see cref="Encode"/> is valid
/// until the next call or disposal.
/// </summary>
public sealed unsafe class JpegEncoder : IDisposable
{
    private readonly TurboJpegHandle _handle;
    private byte* _buffer;
    private int _capacity;

    public JpegEncoder()
    {
        TurboJpegNative.EnsureLoaded();
        _handle = TurboJpegHandle.CreateCompressor();
    }

    /// <summary>Current size of the reusable output buffer in bytes.</summary>
    public int Capacity => _capacity;

    /// <summary>Encodes one frame; quality 1..100; colour frames use 4:2:0 chroma subsampling.</summary>
    public ReadOnlySpan<byte> Encode(ReadOnlySpan<byte> pixels, in FrameFormat format, int quality = 85)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        int pixelFormat = JpegDecoder.ToTurboJpeg(format.PixelFormat);
        if (pixels.Length < format.BufferSize)
            throw new ArgumentException($"Source holds {pixels.Length} bytes; {format} needs {format.BufferSize}.", nameof(pixels));
        int subsampling = format.PixelFormat == PixelFormat.Mono8 ? TurboJpegNative.SubsampleGray : TurboJpegNative.Subsample420;
        EnsureCapacity(format.Width, format.Height, subsampling);

        byte* output = _buffer;
        nuint size = (nuint)_capacity;
        fixed (byte* src = pixels)
        {
            int status = TurboJpegNative.Compress2(_handle, src, format.Width, format.Stride, format.Height, pixelFormat,
                &output, &size, subsampling, quality, TurboJpegNative.FlagNoRealloc);
            TurboJpegNative.Check(status, _handle, "tjCompress2");
        }
        return new ReadOnlySpan<byte>(_buffer, checked((int)size));
    }

    private void EnsureCapacity(int width, int height, int subsampling)
    {
        nuint needed = TurboJpegNative.BufSize(width, height, subsampling);
        if (needed == unchecked((nuint)(-1)) || needed > int.MaxValue)
            throw new TurboJpegException("tjBufSize", $"no buffer size for {width}x{height}", isWarning: false);
        if ((int)needed <= _capacity) return;
        FreeBuffer();
        _buffer = TurboJpegNative.Alloc((int)needed);
        if (_buffer == null) throw new OutOfMemoryException($"tjAlloc could not allocate {needed} bytes for a JPEG buffer.");
        _capacity = (int)needed;
    }

    private void FreeBuffer()
    {
        if (_buffer == null) return;
        TurboJpegNative.Free(_buffer);
        _buffer = null;
        _capacity = 0;
    }

    public void Dispose()
    {
        FreeBuffer();
        _handle.Dispose();
        GC.SuppressFinalize(this);
    }

    ~JpegEncoder() => FreeBuffer();
}
