using TriVision.Capture.Imaging;
using TriVision.Core.Detections;
using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Imaging;

public class AnnotatorTests
{
    private static readonly string[] Names = ["plastic_bottle", "battery", "cardboard"];

    private static (byte B, byte G, byte R) PixelAt(byte[] bgr, in FrameFormat f, int x, int y)
    {
        int o = y * f.Stride + x * 3;
        return (bgr[o], bgr[o + 1], bgr[o + 2]);
    }

    [Fact]
    public void Hazard_box_is_red_and_other_boxes_are_not()
    {
        var format = new FrameFormat(200, 150, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        var annotator = new Annotator();
        Detection[] detections =
        [
            new(new BoxF(20, 60, 80, 120), 0.91f, 1),
            new(new BoxF(120, 60, 180, 120), 0.55f, 0),
        ];
        annotator.Draw(pixels, format, detections, Names);

        Assert.Equal((AnnotationColor.HazardRed.B, AnnotationColor.HazardRed.G, AnnotationColor.HazardRed.R), PixelAt(pixels, format, 20, 90));
        var other = PixelAt(pixels, format, 120, 90);
        Assert.NotEqual((AnnotationColor.HazardRed.B, AnnotationColor.HazardRed.G, AnnotationColor.HazardRed.R), other);
        Assert.NotEqual(((byte)0, (byte)0, (byte)0), other);
        // Inside the box stays untouched.
        Assert.Equal(((byte)0, (byte)0, (byte)0), PixelAt(pixels, format, 50, 100));
    }

    [Fact]
    public void Label_is_drawn_above_the_box_with_text_pixels_in_it()
    {
        var format = new FrameFormat(200, 150, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        new Annotator().Draw(pixels, format, [new Detection(new BoxF(20, 60, 150, 120), 0.91f, 1)], Names);
        // Label band spans the rows just above y=60; it holds red background and white glyph pixels.
        int red = 0, white = 0;
        for (int y = 40; y < 60; y++)
            for (int x = 20; x < 150; x++)
            {
                var p = PixelAt(pixels, format, x, y);
                if (p == (AnnotationColor.HazardRed.B, AnnotationColor.HazardRed.G, AnnotationColor.HazardRed.R)) red++;
                if (p == ((byte)255, (byte)255, (byte)255)) white++;
            }
        Assert.True(red > 100, $"red label pixels: {red}");
        Assert.True(white > 30, $"white text pixels: {white}");
    }

    [Fact]
    public void Rgb_frames_get_the_same_colour_in_their_own_channel_order()
    {
        var format = new FrameFormat(64, 64, PixelFormat.Rgb8);
        var pixels = new byte[format.BufferSize];
        new Annotator().Draw(pixels, format, [new Detection(new BoxF(10, 30, 50, 60), 0.5f, 1)], Names);
        int o = 45 * format.Stride + 10 * 3;
        Assert.Equal(AnnotationColor.HazardRed.R, pixels[o]);
        Assert.Equal(AnnotationColor.HazardRed.B, pixels[o + 2]);
    }

    [Fact]
    public void Boxes_outside_the_frame_and_unknown_class_ids_are_clipped_not_thrown()
    {
        var format = new FrameFormat(32, 32, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        new Annotator().Draw(pixels, format, [new Detection(new BoxF(-50, -50, 500, 500), 1f, 99), new Detection(new BoxF(40, 40, 60, 60), 0.2f, 0)], Names);
    }

    [Fact]
    public void Palette_never_uses_the_hazard_colour()
    {
        var annotator = new Annotator();
        for (int id = 0; id < 32; id++)
            if (id != 1) Assert.NotEqual(AnnotationColor.HazardRed, annotator.ColorFor(id, Names.Concat(Enumerable.Repeat("x", 40)).ToArray()));
        Assert.True(annotator.IsHazard("Gas_Cylinder"));
    }

    [Fact]
    public void Font_has_digits_letters_and_underscore_and_maps_lower_case()
    {
        Assert.True(BitmapFont.IsSet('1', 2, 0));
        Assert.False(BitmapFont.IsSet(' ', 2, 3));
        for (int y = 0; y < BitmapFont.GlyphHeight; y++)
            for (int x = 0; x < BitmapFont.GlyphWidth; x++)
                Assert.Equal(BitmapFont.IsSet('A', x, y), BitmapFont.IsSet('a', x, y));
        Assert.True(BitmapFont.IsSet('_', 0, 6));
        Assert.Equal(BitmapFont.IsSet('?', 1, 0), BitmapFont.IsSet('~', 1, 0));
        Assert.Equal(17 * 2, BitmapFont.MeasureWidth("abc", 2));
    }
}
