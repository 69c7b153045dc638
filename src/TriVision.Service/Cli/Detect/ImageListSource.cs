using TriVision.Capture.Imaging;
using TriVision.Core.Frames;

namespace TriVision.Service.Cli.Detect;

/// <summary>One image file, or every image of a folder in ordinal name order.</summary>
internal sealed class ImageListSource : DetectSource
{
    private readonly ImageFileReader _reader;
    private readonly IReadOnlyList<string> _files;
    private readonly bool _isFolder;
    private int _next;

    public ImageListSource(ImageFileReader reader, IReadOnlyList<string> files, bool isFolder, string description)
    {
        _reader = reader;
        _files = files;
        _isFolder = isFolder;
        Description = description;
    }

    public override string Description { get; }

    public override int? FrameCount => _files.Count;

    public override bool SkipsBadFrames => _isFolder;

    public override bool TryReadNext(out SourceFrame frame)
    {
        if (_next >= _files.Count)
        {
            frame = default;
            return false;
        }
        string path = _files[_next++];
        var format = _reader.Read(path, PixelFormat.Bgr8, out var pixels);
        frame = new SourceFrame(path, Path.GetFileNameWithoutExtension(path), format, pixels);
        return true;
    }

    public override void Dispose() => _reader.Dispose();
}
