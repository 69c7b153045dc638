using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Imaging;

public class TurboJpegRoundTripTests
{
    [Theory]
    [InlineData(PixelFormat.Bgr8, 64, 48)]
    [InlineData(PixelFormat.Rgb8, 33, 17)]
    [InlineData(PixelFormat.Mono8, 40, 30)]
    public void Encode_then_decode_gives_back_the_frame(PixelFormat pixelFormat, int width, int height)
    {
        var format = new FrameFormat(width, height, pixelFormat);
        var original = TestImages.Gradient(format);
        using var encoder = new JpegEncoder();
        using var decoder = new JpegDecoder();

        byte[] jpeg = encoder.Encode(original, format, quality: 95).ToArray();
        Assert.Equal(0xFF, jpeg[0]);
        Assert.Equal(0xD8, jpeg[1]);

        var info = decoder.ReadHeader(jpeg);
        Assert.Equal(width, info.Width);
        Assert.Equal(height, info.Height);
        Assert.Equal(pixelFormat == PixelFormat.Mono8, info.IsGray);

        var decoded = new byte[format.BufferSize];
        decoder.Decode(jpeg, decoded, format);
        Assert.True(TestImages.MeanAbsoluteError(original, decoded) < 4.0);
    }

    [Fact]
    public void The_library_is_loaded_through_the_resolver()
    {
        using var decoder = new JpegDecoder();
        Assert.True(TriVision.Core.Native.NativeLibraryResolver.LoadedLibraries.TryGetValue("libturbojpeg", out var from));
        Assert.Contains("libturbojpeg", from);
    }

    [Fact]
    public void Bgr_and_rgb_decodes_are_channel_swapped()
    {
        var bgr = new FrameFormat(16, 16, PixelFormat.Bgr8);
        var pixels = new byte[bgr.BufferSize];
        for (int i = 0; i < pixels.Length; i += 3) { pixels[i] = 255; pixels[i + 1] = 0; pixels[i + 2] = 0; } // pure blue in BGR
        using var encoder = new JpegEncoder();
        using var decoder = new JpegDecoder();
        byte[] jpeg = encoder.Encode(pixels, bgr, 100).ToArray();

        var rgb = new FrameFormat(16, 16, PixelFormat.Rgb8);
        var asRgb = new byte[rgb.BufferSize];
        decoder.Decode(jpeg, asRgb, rgb);
        Assert.InRange(asRgb[8 * rgb.Stride + 8 * 3 + 2], 240, 255); // blue is the third channel in RGB
        Assert.InRange(asRgb[8 * rgb.Stride + 8 * 3 + 0], 0, 15);
    }

    [Fact]
    public void Encoder_reuses_its_buffer_for_the_same_size()
    {
        var format = new FrameFormat(320, 240, PixelFormat.Bgr8);
        var pixels = TestImages.Gradient(format);
        using var encoder = new JpegEncoder();
        encoder.Encode(pixels, format);
        int capacity = encoder.Capacity;
        Assert.True(capacity > 0);
        for (int i = 0; i < 5; i++) encoder.Encode(pixels, format, quality: 50 + i * 10);
        Assert.Equal(capacity, encoder.Capacity);
    }

    [Fact]
    public void Garbage_is_rejected_with_the_call_name_and_turbojpeg_message()
    {
        using var decoder = new JpegDecoder();
        var ex = Assert.Throws<TurboJpegException>(() => decoder.ReadHeader(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
        Assert.Equal("tjDecompressHeader3", ex.Call);
        Assert.False(string.IsNullOrWhiteSpace(ex.LibraryMessage));
        Assert.StartsWith("tjDecompressHeader3 failed:", ex.Message);
    }

    [Fact]
    public void Truncated_jpeg_is_an_error_unless_warnings_are_accepted()
    {
        var format = new FrameFormat(128, 96, PixelFormat.Bgr8);
        using var encoder = new JpegEncoder();
        byte[] jpeg = encoder.Encode(TestImages.Gradient(format), format).ToArray();
        byte[] truncated = jpeg[..(jpeg.Length / 2)];
        var destination = new byte[format.BufferSize];

        using var strict = new JpegDecoder();
        var ex = Assert.Throws<TurboJpegException>(() => strict.Decode(truncated, destination, format));
        Assert.Equal("tjDecompress2", ex.Call);

        using var lenient = new JpegDecoder { AcceptWarnings = true };
        lenient.Decode(truncated, destination, format);
    }

    [Fact]
    public void Size_mismatch_and_bayer_are_refused_before_calling_native_code()
    {
        var format = new FrameFormat(32, 32, PixelFormat.Bgr8);
        using var encoder = new JpegEncoder();
        byte[] jpeg = encoder.Encode(TestImages.Gradient(format), format).ToArray();
        using var decoder = new JpegDecoder();
        var wrong = new FrameFormat(16, 32, PixelFormat.Bgr8);
        Assert.Throws<ArgumentException>(() => decoder.Decode(jpeg, new byte[format.BufferSize], wrong));
        var bayer = new FrameFormat(32, 32, PixelFormat.BayerRG8);
        Assert.Throws<NotSupportedException>(() => encoder.Encode(new byte[bayer.BufferSize], bayer));
    }
}
