using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>
/// Decodes JPEG into a caller-owned buffer (BGR8, RGB8 or Mono8) through libturbojpeg. One
/// instance per thread; reuse it, since creating the TurboJPEG instance is the costly part.
/// </summary>
public sealed unsafe class JpegDecoder : IDisposable
{
    private readonly TurboJpegHandle _handle;

    public JpegDecoder()
    {
        TurboJpegNative.EnsureLoaded();
        _handle = TurboJpegHandle.CreateDecompressor();
    }

    /// <summary>
    /// When false (the default) a warning such as "premature end of JPEG file" is an error, so a
    /// truncated file is reported instead of silently decoded half grey.
    /// </summary>
    public bool AcceptWarnings { get; init; }

    /// <summary>Reads the header only.</summary>
    public JpegInfo ReadHeader(ReadOnlySpan<byte> jpeg)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (jpeg.IsEmpty) throw new TurboJpegException("tjDecompressHeader3", "empty input", isWarning: false);
        fixed (byte* src = jpeg)
        {
            int status = TurboJpegNative.DecompressHeader3(_handle, src, (nuint)jpeg.Length, out int w, out int h, out int ss, out int cs);
            TurboJpegNative.Check(status, _handle, "tjDecompressHeader3");
            return new JpegInfo(w, h, ss, cs);
        }
    }

    /// <summary>
    /// Decodes the whole image at its own size into <paramref name="destination"/>, laid out as
    /// <paramref name="format"/> (whose width and height must match the image).
    /// </summary>
    public void Decode(ReadOnlySpan<byte> jpeg, Span<byte> destination, in FrameFormat format)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        int pixelFormat = ToTurboJpeg(format.PixelFormat);
        if (destination.Length < format.BufferSize)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {format} needs {format.BufferSize}.", nameof(destination));
        var info = ReadHeader(jpeg);
        if (info.Width != format.Width || info.Height != format.Height)
            throw new ArgumentException($"The JPEG is {info.Width}x{info.Height}; the destination format is {format}.", nameof(format));
        fixed (byte* src = jpeg)
        fixed (byte* dst = destination)
        {
            int status = TurboJpegNative.Decompress2(_handle, src, (nuint)jpeg.Length, dst,
                format.Width, format.Stride, format.Height, pixelFormat, 0);
            TurboJpegNative.Check(status, _handle, "tjDecompress2", AcceptWarnings);
        }
    }

    internal static int ToTurboJpeg(PixelFormat format) => format switch
    {
        PixelFormat.Bgr8 => TurboJpegNative.PixelBgr,
        PixelFormat.Rgb8 => TurboJpegNative.PixelRgb,
        PixelFormat.Mono8 => TurboJpegNative.PixelGray,
        _ => throw new NotSupportedException($"JPEG works with Bgr8, Rgb8 or Mono8 frames, not {format}; convert Bayer frames first."),
    };

    public void Dispose() => _handle.Dispose();
}
