using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>JPEG files through libturbojpeg.</summary>
public sealed class JpegImageDecoder : IImageDecoder, IDisposable
{
    private readonly JpegDecoder _decoder = new();

    public string Name => "JPEG";

    public IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".jpe", ".jfif"];

    // SOI marker followed by the first marker's 0xFF.
    public bool CanDecode(ReadOnlySpan<byte> signature) =>
        signature.Length >= 3 && signature[0] == 0xFF && signature[1] == 0xD8 && signature[2] == 0xFF;

    public (int Width, int Height) ReadSize(ReadOnlySpan<byte> encoded)
    {
        var info = _decoder.ReadHeader(encoded);
        return (info.Width, info.Height);
    }

    public void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination, in FrameFormat format) =>
        _decoder.Decode(encoded, destination, format);

    public void Dispose() => _decoder.Dispose();
}
