using TriVision.Core.Frames;

namespace TriVision.Core.Tests;

public class FrameFormatTests
{
    [Theory]
    [InlineData(PixelFormat.Bgr8, 1920, 1080, 1920 * 1080 * 3)]
    [InlineData(PixelFormat.Mono8, 640, 480, 640 * 480)]
    [InlineData(PixelFormat.BayerRG8, 2448, 2048, 2448 * 2048)]
    public void Buffer_size_follows_pixel_format(PixelFormat pf, int w, int h, int expected) =>
        Assert.Equal(expected, new FrameFormat(w, h, pf).BufferSize);

    [Fact]
    public void Stride_below_row_size_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameFormat(100, 10, PixelFormat.Rgb8, stride: 299));

    [Theory]
    [InlineData("bayerrg8", PixelFormat.BayerRG8)]
    [InlineData("BGR8", PixelFormat.Bgr8)]
    public void Pixel_format_names_parse_case_insensitively(string text, PixelFormat expected)
    {
        Assert.True(PixelFormatExtensions.TryParse(text, out var pf));
        Assert.Equal(expected, pf);
    }

    [Fact]
    public void Unknown_pixel_format_does_not_parse() =>
        Assert.False(PixelFormatExtensions.TryParse("YUV422", out _));
}
