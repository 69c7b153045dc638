using TriVision.Capture.Imaging;
using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Detections;
using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Imaging;

/// <summary>Per-frame calls must not allocate once warmed up (annotating and encoding run on every evidence frame).</summary>
public class AllocationTests
{
    [Fact]
    public void Annotating_allocates_nothing_per_call()
    {
        var format = new FrameFormat(640, 480, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        string[] names = ["plastic_bottle", "battery", "gas_cylinder"];
        Detection[] detections = [new(new BoxF(10, 40, 200, 300), 0.91f, 1), new(new BoxF(300, 40, 600, 400), 0.42f, 0), new(new BoxF(5, 5, 50, 50), 0.7f, 7)];
        var annotator = new Annotator();
        for (int i = 0; i < 5; i++) annotator.Draw(pixels, format, detections, names); // warm-up, as the preprocessor's check

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) annotator.Draw(pixels, format, detections, names);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Encoding_and_decoding_allocate_nothing_per_call()
    {
        var format = new FrameFormat(640, 480, PixelFormat.Bgr8);
        var pixels = TestImages.Gradient(format);
        var decoded = new byte[format.BufferSize];
        using var encoder = new JpegEncoder();
        using var decoder = new JpegDecoder();
        byte[] jpeg = encoder.Encode(pixels, format).ToArray();
        decoder.Decode(jpeg, decoded, format);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            encoder.Encode(pixels, format);
            decoder.Decode(jpeg, decoded, format);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
