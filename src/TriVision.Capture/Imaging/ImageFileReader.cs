using System.Buffers;
using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>
/// Reads still images from files into one reusable pixel buffer. The codec is chosen by the
/// file's signature, not its extension; codecs are pluggable (<see cref="IImageDecoder"/>).
/// The pixels returned by <see cref="Read"/> stay valid until the next read or disposal.
/// </summary>
public sealed class ImageFileReader : IDisposable
{
    private readonly IReadOnlyList<IImageDecoder> _decoders;
    private readonly bool _ownsDecoders;
    private byte[] _encoded = [];
    private byte[] _pixels = [];

    public ImageFileReader(IReadOnlyList<IImageDecoder> decoders, bool ownsDecoders = false)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        if (decoders.Count == 0) throw new ArgumentException("At least one image decoder is needed.", nameof(decoders));
        _decoders = decoders;
        _ownsDecoders = ownsDecoders;
    }

    /// <summary>A reader with every codec this build has (JPEG; more as they are added).</summary>
    public static ImageFileReader CreateDefault() => new([new JpegImageDecoder(), new PngImageDecoder(), new PnmImageDecoder(), new BmpImageDecoder()], ownsDecoders: true);

    /// <summary>True when some codec claims the file's extension (for picking images out of a folder).</summary>
    public bool HasImageExtension(string path)
    {
        string ext = System.IO.Path.GetExtension(path);
        foreach (var decoder in _decoders)
            foreach (var known in decoder.Extensions)
                if (string.Equals(ext, known, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Every extension some codec handles, for messages.</summary>
    public string DescribeExtensions()
    {
        var all = new List<string>();
        foreach (var decoder in _decoders) all.AddRange(decoder.Extensions);
        return string.Join(", ", all);
    }

    /// <summary>Reads and decodes <paramref name="path"/> as <paramref name="pixelFormat"/>; throws <see cref="ImageReadException"/> with the reason.</summary>
    public FrameFormat Read(string path, PixelFormat pixelFormat, out Span<byte> pixels)
    {
        int length = LoadFile(path);
        var encoded = new ReadOnlySpan<byte>(_encoded, 0, length);
        var decoder = FindDecoder(encoded) ?? throw new ImageReadException(path,
            $"not a supported image (no {DescribeNames()} signature)");
        try
        {
            var (width, height) = decoder.ReadSize(encoded);
            if (width <= 0 || height <= 0) throw new ImageReadException(path, $"{decoder.Name} header gives an empty size {width}x{height}");
            var format = new FrameFormat(width, height, pixelFormat);
            if (_pixels.Length < format.BufferSize)
            {
                if (_pixels.Length > 0) ArrayPool<byte>.Shared.Return(_pixels);
                _pixels = ArrayPool<byte>.Shared.Rent(format.BufferSize);
            }
            pixels = _pixels.AsSpan(0, format.BufferSize);
            decoder.Decode(encoded, pixels, format);
            return format;
        }
        catch (Exception ex) when (ex is TurboJpegException or TriVision.Core.Imaging.PngFormatException or FrameSourceException)
        {
            throw new ImageReadException(path, $"corrupt or truncated {decoder.Name} ({ex.Message})", ex);
        }
    }

    private int LoadFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            long size = stream.Length;
            if (size == 0) throw new ImageReadException(path, "the file is empty");
            if (size > int.MaxValue / 2) throw new ImageReadException(path, $"the file is too large ({size} bytes)");
            if (_encoded.Length < size)
            {
                if (_encoded.Length > 0) ArrayPool<byte>.Shared.Return(_encoded);
                _encoded = ArrayPool<byte>.Shared.Rent((int)size);
            }
            stream.ReadExactly(_encoded, 0, (int)size);
            return (int)size;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImageReadException(path, ex.Message, ex);
        }
    }

    private IImageDecoder? FindDecoder(ReadOnlySpan<byte> encoded)
    {
        foreach (var decoder in _decoders)
            if (decoder.CanDecode(encoded)) return decoder;
        return null;
    }

    private string DescribeNames()
    {
        var names = new List<string>();
        foreach (var decoder in _decoders) names.Add(decoder.Name);
        return string.Join("/", names);
    }

    public void Dispose()
    {
        if (_ownsDecoders)
            foreach (var decoder in _decoders)
                (decoder as IDisposable)?.Dispose();
        if (_encoded.Length > 0) ArrayPool<byte>.Shared.Return(_encoded);
        if (_pixels.Length > 0) ArrayPool<byte>.Shared.Return(_pixels);
        _encoded = [];
        _pixels = [];
    }
}
