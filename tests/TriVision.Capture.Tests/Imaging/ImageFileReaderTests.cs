using TriVision.Capture.Imaging;
using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Imaging;

public sealed class ImageFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-imaging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteJpeg(string name, int width, int height)
    {
        var format = new FrameFormat(width, height, PixelFormat.Bgr8);
        using var encoder = new JpegEncoder();
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, encoder.Encode(TestImages.Gradient(format), format, 95).ToArray());
        return path;
    }

    [Fact]
    public void Reads_a_jpeg_by_signature_whatever_its_extension()
    {
        string path = WriteJpeg("frame.bin", 50, 20);
        using var reader = ImageFileReader.CreateDefault();
        var format = reader.Read(path, PixelFormat.Bgr8, out var pixels);
        Assert.Equal(new FrameFormat(50, 20, PixelFormat.Bgr8), format);
        Assert.Equal(format.BufferSize, pixels.Length);
        Assert.True(TestImages.MeanAbsoluteError(TestImages.Gradient(format), pixels) < 4.0);
    }

    [Fact]
    public void Reuses_one_reader_for_images_of_different_sizes()
    {
        using var reader = ImageFileReader.CreateDefault();
        Assert.Equal(64, reader.Read(WriteJpeg("a.jpg", 64, 64), PixelFormat.Rgb8, out _).Width);
        Assert.Equal(8, reader.Read(WriteJpeg("b.jpg", 8, 4), PixelFormat.Rgb8, out var small).Width);
        Assert.Equal(8 * 4 * 3, small.Length);
    }

    [Fact]
    public void Unknown_format_empty_file_missing_file_and_corrupt_jpeg_give_clear_reasons()
    {
        using var reader = ImageFileReader.CreateDefault();
        string text = Path.Combine(_dir, "notes.jpg");
        File.WriteAllText(text, "not an image at all");
        var ex = Assert.Throws<ImageReadException>(() => reader.Read(text, PixelFormat.Bgr8, out _));
        Assert.Contains("not a supported image", ex.Message);
        Assert.Contains("notes.jpg", ex.Message);

        string empty = Path.Combine(_dir, "empty.jpg");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", Assert.Throws<ImageReadException>(() => reader.Read(empty, PixelFormat.Bgr8, out _)).Message);

        Assert.Throws<ImageReadException>(() => reader.Read(Path.Combine(_dir, "missing.jpg"), PixelFormat.Bgr8, out _));

        string good = WriteJpeg("cut.jpg", 64, 48);
        byte[] bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(good, bytes[..(bytes.Length / 3)]);
        ex = Assert.Throws<ImageReadException>(() => reader.Read(good, PixelFormat.Bgr8, out _));
        Assert.Contains("corrupt or truncated JPEG", ex.Message);
    }

    [Fact]
    public void Extensions_come_from_the_decoders()
    {
        using var reader = ImageFileReader.CreateDefault();
        Assert.True(reader.HasImageExtension("x/Y.JPG"));
        Assert.True(reader.HasImageExtension("a.jpeg"));
        Assert.False(reader.HasImageExtension("a.txt"));
    }
}
