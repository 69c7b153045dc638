using TriVision.Capture.Imaging;
using System.Buffers;
using Microsoft.Win32.SafeHandles;
using TriVision.Core.Frames;

namespace TriVision.Capture.Folder;

/// <summary>
/// Images of a folder in file-name order (ordinal), decoded straight into pool frames. Every image
/// must have the size of the first one: a pipeline runs at one resolution.
/// </summary>
public sealed class FolderRenderer : Sources.IFrameRenderer
{
    private readonly string _directory;
    private readonly ImageDecoders _decoders;
    private readonly PixelFormat _pixelFormat;
    private readonly bool _loop;
    private string[] _files = [];
    private int _next;
    private byte[] _buffer = [];
    private FrameFormat _format;
    private ulong _frameId;

    public FolderRenderer(string directory, ImageDecoders decoders, PixelFormat pixelFormat, bool loop)
    {
        if (pixelFormat is not (PixelFormat.Bgr8 or PixelFormat.Rgb8 or PixelFormat.Mono8))
            throw new FrameSourceException($"Folder sources decode to Bgr8, Rgb8 or Mono8, not {pixelFormat}.");
        _directory = directory;
        _decoders = decoders;
        _pixelFormat = pixelFormat;
        _loop = loop;
    }

    public string Description => $"folder {_directory} ({_files.Length} images)";

    public FrameFormat Open()
    {
        if (!Directory.Exists(_directory))
            throw new FrameSourceException($"Folder '{_directory}' does not exist.");
        var files = new List<string>();
        foreach (var f in Directory.EnumerateFiles(_directory))
            if (_decoders.TryGet(f, out _)) files.Add(f);
        files.Sort(StringComparer.Ordinal);
        if (files.Count == 0)
            throw new FrameSourceException($"Folder '{_directory}' has no images this build can read (extensions: {string.Join(", ", _decoders.Extensions)}).");
        _files = files.ToArray();
        var first = Read(_files[0]);
        _decoders.TryGet(_files[0], out var decoder);
        var (w, h) = decoder.ReadSize(first);
        _format = new FrameFormat(w, h, _pixelFormat);
        return _format;
    }

    public bool RenderNext(Frame frame)
    {
        if (_next == _files.Length)
        {
            if (!_loop) return false;
            _next = 0;
        }
        string path = _files[_next++];
        _decoders.TryGet(path, out var decoder);
        var data = Read(path);
        try
        {
            var (w, h) = decoder.ReadSize(data);
            if (w != _format.Width || h != _format.Height)
                throw new FrameSourceException($"Image '{path}' is {w}x{h}; every image of the folder must be {_format.Width}x{_format.Height} like the first.");
            decoder.Decode(data, frame.Span, _format);
        }
        catch (FrameSourceException ex) when (!ex.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new FrameSourceException($"Image '{path}': {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is Imaging.TurboJpeg.TurboJpegException or TriVision.Core.Imaging.PngFormatException)
        {
            throw new FrameSourceException($"Image '{path}': {ex.Message}", ex);
        }
        frame.DeviceFrameId = ++_frameId;
        return true;
    }

    /// <summary>Reads a whole file into a reused buffer (no allocation per image once it is large enough).</summary>
    private ReadOnlySpan<byte> Read(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length > int.MaxValue) throw new FrameSourceException($"Image '{path}' is too large.");
        if (_buffer.Length < length)
        {
            if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent((int)length);
        }
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(handle, _buffer.AsSpan(read, (int)length - read), read);
            if (n == 0) break;
            read += n;
        }
        return _buffer.AsSpan(0, read);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
