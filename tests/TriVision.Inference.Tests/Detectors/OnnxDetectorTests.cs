using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Inference.Decoding;
using TriVision.Inference.Detectors;
using TriVision.Inference.Onnx;
using TriVision.Inference.Tests.Onnx;

namespace TriVision.Inference.Tests.Detectors;

/// <summary>
/// The whole detector path on real ORT sessions: frame -> letterbox -> ORT -> decoder -> boxes in
/// frame pixels, for each output layout. The fixture models hold three known boxes in 64x64 model
/// pixels (tests/fixtures/models/README.md); the third box's score is the mean of the input.
/// </summary>
[Collection(OrtCollection.Name)]
public class OnnxDetectorTests
{
    // A 128x128 frame letterboxes onto 64x64 at scale 0.5 with no padding: model boxes double.
    private static readonly (int Class, float Score, BoxF Box)[] ExpectedAt128 =
    [
        (0, 0.9f, new BoxF(24, 24, 56, 56)),
        (1, 0.8f, new BoxF(76, 60, 100, 100)),
        (2, 128f / 255f, new BoxF(44, 96, 84, 112)),
    ];

    [Theory]
    [InlineData("yolov8_known.onnx", OutputLayout.YoloV8)]
    [InlineData("yolov5_known.onnx", OutputLayout.YoloV5)]
    [InlineData("e2e_known.onnx", OutputLayout.EndToEnd)]
    public void Known_frame_gives_known_boxes_in_frame_pixels(string model, OutputLayout layout)
    {
        using var detector = OnnxDetector.Open(new OnnxDetectorOptions
        {
            ModelPath = Fixtures.Model(model),
            // [1,8,9] with 4 classes fits both YOLOv8 (8 = 4+4, N = 9) and YOLOv5 (9 = 5+4, N = 8);
            // the detector's documented tie-break picks the longer candidate axis (v8), so the
            // v5 fixture names its layout, as a user of such a tiny model would.
            Decoder = new DecoderOptions { ScoreThreshold = 0.3f, Layout = layout == OutputLayout.YoloV5 ? layout : null },
        });
        Assert.Equal(layout, detector.Layout);
        Assert.Equal(["gas_cylinder", "battery", "power_bank", "aerosol_can"], detector.ClassNames);

        var format = new FrameFormat(128, 128, PixelFormat.Bgr8);
        var frame = new byte[format.BufferSize];
        Array.Fill(frame, (byte)128);
        var results = new Detection[16];
        int n = detector.Detect(frame, format, results);

        Assert.Equal(3, n);
        var sorted = results[..n].OrderBy(d => d.ClassId).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(ExpectedAt128[i].Class, sorted[i].ClassId);
            Assert.Equal(ExpectedAt128[i].Score, sorted[i].Score, 3);
            AssertBox(ExpectedAt128[i].Box, sorted[i].Box);
        }
    }

    [Fact]
    public void Padding_is_undone_for_a_wide_frame()
    {
        // 256x128 -> scale 0.25, resized 64x32, padded 16 rows top and bottom.
        using var detector = OnnxDetector.Open(new OnnxDetectorOptions { ModelPath = Fixtures.Model("e2e_known.onnx") });
        var format = new FrameFormat(256, 128, PixelFormat.Bgr8);
        var frame = new byte[format.BufferSize];
        var results = new Detection[16];
        int n = detector.Detect(frame, format, results);
        var gas = results[..n].Single(d => d.ClassId == 0);
        // model box (12,12)-(28,28): x / 0.25, (y - 16) / 0.25 -> (48,-16)-(112,48), clamped to the frame.
        AssertBox(new BoxF(48, 0, 112, 48), gas.Box);
    }

    [Fact]
    public void Labels_file_names_a_model_without_metadata()
    {
        string labels = Path.Combine(Path.GetTempPath(), $"tv-labels-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(labels, ["propane", "cell", "bank", "spray"]);
        try
        {
            using var detector = OnnxDetector.Open(new OnnxDetectorOptions
            {
                ModelPath = Fixtures.Model("yolov8_known_nometa.onnx"),
                LabelsPath = labels,
            });
            Assert.Equal(["propane", "cell", "bank", "spray"], detector.ClassNames);
        }
        finally { File.Delete(labels); }
    }

    [Fact]
    public void Unknown_output_layout_is_a_model_error_naming_the_file()
    {
        var ex = Assert.Throws<OnnxModelException>(() =>
            OnnxDetector.Open(new OnnxDetectorOptions { ModelPath = Fixtures.Model("unknown_layout.onnx") }));
        Assert.Contains("unknown_layout.onnx", ex.Message);
        Assert.Contains("[1,7,7,7]", ex.Message.Replace(" ", ""));
    }

    [Fact]
    public void Steady_state_detect_allocates_nothing()
    {
        using var detector = OnnxDetector.Open(new OnnxDetectorOptions { ModelPath = Fixtures.Model("yolov8_known.onnx") });
        var format = new FrameFormat(320, 240, PixelFormat.BayerRG8);
        var frame = new byte[format.BufferSize];
        var results = new Detection[16];
        for (int i = 0; i < 10; i++) detector.Detect(frame, format, results);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++) detector.Detect(frame, format, results);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertBox(BoxF expected, BoxF actual)
    {
        Assert.Equal(expected.X1, actual.X1, 1);
        Assert.Equal(expected.Y1, actual.Y1, 1);
        Assert.Equal(expected.X2, actual.X2, 1);
        Assert.Equal(expected.Y2, actual.Y2, 1);
    }
}
