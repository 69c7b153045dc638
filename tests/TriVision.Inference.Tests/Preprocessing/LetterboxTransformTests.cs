using TriVision.Core.Detections;
using TriVision.Inference.Preprocessing;

namespace TriVision.Inference.Tests.Preprocessing;

public class LetterboxTransformTests
{
    [Theory]
    // landscape full HD into a square: 640x360 centred, 140 px bands top and bottom
    [InlineData(1920, 1080, 640, 640, 640, 360, 0, 140)]
    // portrait
    [InlineData(1080, 1920, 640, 640, 360, 640, 140, 0)]
    // odd source size: 667 * 0.63936 = 426.45 -> 426, padding 214 split 107 / 107
    [InlineData(1001, 667, 640, 640, 640, 426, 0, 107)]
    // odd padding: 43 rows split 21 top / 22 bottom (the odd row goes to the bottom)
    [InlineData(100, 33, 64, 64, 64, 21, 0, 21)]
    // one odd row: 0 top / 1 bottom
    [InlineData(641, 640, 640, 640, 640, 639, 0, 0)]
    // odd columns on a portrait frame: 29 columns split 14 left / 15 right
    [InlineData(35, 64, 64, 64, 35, 64, 14, 0)]
    // half-way rounding is to even, as Python's round(): 5 * 0.5 = 2.5 -> 2
    [InlineData(2, 5, 1, 10, 1, 2, 0, 4)]
    // upscale into a non-square input
    [InlineData(320, 240, 1280, 736, 981, 736, 149, 0)]
    public void Compute_matches_ultralytics_geometry(int sw, int sh, int dw, int dh, int newW, int newH, int padX, int padY)
    {
        var t = LetterboxTransform.Compute(sw, sh, dw, dh);
        Assert.Equal(newW, t.ResizedWidth);
        Assert.Equal(newH, t.ResizedHeight);
        Assert.Equal(padX, t.PadX);
        Assert.Equal(padY, t.PadY);
        Assert.Equal((float)Math.Min((double)dw / sw, (double)dh / sh), t.Scale);
        // The independent restatement used by the pixel tests agrees.
        Assert.Equal((newW, newH, padX, padY), ReferenceLetterbox.Geometry(sw, sh, dw, dh));
    }

    [Fact]
    public void ToModel_and_ToSource_map_known_points_exactly()
    {
        var t = LetterboxTransform.Compute(1920, 1080, 640, 640);
        var model = t.ToModel(new BoxF(0, 0, 1920, 1080));
        Assert.Equal(new BoxF(0, 140, 640, 500), model);
        var src = t.ToSource(new BoxF(100, 200, 300, 400));
        Assert.Equal(300f, src.X1, 3);
        Assert.Equal(180f, src.Y1, 3);
        Assert.Equal(900f, src.X2, 3);
        Assert.Equal(780f, src.Y2, 3);
    }

    [Theory]
    [InlineData(1920, 1080, 640, 640)]
    [InlineData(1080, 1920, 640, 640)]
    [InlineData(1001, 667, 640, 640)]
    [InlineData(333, 777, 416, 320)]
    public void Round_trip_returns_the_source_box_within_a_thousandth_of_a_pixel(int sw, int sh, int dw, int dh)
    {
        var t = LetterboxTransform.Compute(sw, sh, dw, dh);
        var box = new BoxF(sw * 0.1f, sh * 0.2f, sw * 0.7f, sh * 0.9f);
        var back = t.ToSource(t.ToModel(box));
        Assert.Equal(box.X1, back.X1, 0.001f * sw);
        Assert.Equal(box.Y1, back.Y1, 0.001f * sh);
        Assert.Equal(box.X2, back.X2, 0.001f * sw);
        Assert.Equal(box.Y2, back.Y2, 0.001f * sh);
    }

    [Fact]
    public void ToSource_clamps_boxes_that_reach_into_the_padding()
    {
        var t = LetterboxTransform.Compute(1920, 1080, 640, 640);
        var src = t.ToSource(new BoxF(-10, 100, 650, 600));
        Assert.Equal(new BoxF(0, 0, 1920, 1080), src);
    }
}
