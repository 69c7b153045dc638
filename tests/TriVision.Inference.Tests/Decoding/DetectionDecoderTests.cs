using TriVision.Core.Detections;
using TriVision.Inference.Decoding;
using TriVision.Inference.Preprocessing;

namespace TriVision.Inference.Tests.Decoding;

public class DetectionDecoderTests
{
    // Full HD letterboxed into 640x640: scale 1/3, 140 px band on top. A model box (x1, y1, x2, y2)
    // is ((x1) * 3, (y1 - 140) * 3, x2 * 3, (y2 - 140) * 3) in the source.
    private static readonly LetterboxTransform Map = LetterboxTransform.Compute(1920, 1080, 640, 640);

    private sealed record Candidate(float Cx, float Cy, float W, float H, int Class, float Score, float Objectness = 1f);

    // Candidate 0: class 1, 0.9, model box (80, 170, 120, 230) -> source (240, 90, 360, 270).
    // Candidate 1: same class, shifted by 2 px (IoU 0.83): suppressed by 0.
    // Candidate 2: candidate 0's box in class 2 (0.7): kept by class-aware NMS.
    // Candidate 3: 0.2, below the 0.25 threshold.
    // Candidate 4: class 0, 0.6, apart from the others -> source (1200, 600, 1500, 900).
    private static readonly Candidate[] Scene =
    [
        new(100, 200, 40, 60, 1, 0.9f),
        new(102, 200, 40, 60, 1, 0.8f),
        new(100, 200, 40, 60, 2, 0.7f),
        new(300, 300, 40, 40, 0, 0.2f),
        new(450, 390, 100, 100, 0, 0.6f),
    ];

    private const int Classes = 3;
    private const int N = 8; // 3 empty candidates

    private static float[] YoloV8Output()
    {
        var o = new float[(4 + Classes) * N];
        for (int i = 0; i < Scene.Length; i++)
        {
            var c = Scene[i];
            o[0 * N + i] = c.Cx;
            o[1 * N + i] = c.Cy;
            o[2 * N + i] = c.W;
            o[3 * N + i] = c.H;
            for (int k = 0; k < Classes; k++) o[(4 + k) * N + i] = 0.01f;
            o[(4 + c.Class) * N + i] = c.Score;
        }
        return o;
    }

    private static float[] YoloV5Output()
    {
        int stride = 5 + Classes;
        var o = new float[N * stride];
        for (int i = 0; i < Scene.Length; i++)
        {
            var c = Scene[i];
            // objectness 0.95 times class score 1/0.95 of the wanted score
            o[i * stride + 0] = c.Cx;
            o[i * stride + 1] = c.Cy;
            o[i * stride + 2] = c.W;
            o[i * stride + 3] = c.H;
            o[i * stride + 4] = 0.5f;
            for (int k = 0; k < Classes; k++) o[i * stride + 5 + k] = 0.01f;
            o[i * stride + 5 + c.Class] = c.Score * 2f;
        }
        return o;
    }

    private static Detection[] Decode(DetectionDecoder d, float[] output, int capacity = 16)
    {
        var results = new Detection[capacity];
        int n = d.Decode(output, Map, results);
        return results[..n];
    }

    private static void AssertDetection(Detection d, int cls, float score, float x1, float y1, float x2, float y2)
    {
        Assert.Equal(cls, d.ClassId);
        Assert.Equal(score, d.Score, 4);
        Assert.Equal(x1, d.Box.X1, 0.01f);
        Assert.Equal(y1, d.Box.Y1, 0.01f);
        Assert.Equal(x2, d.Box.X2, 0.01f);
        Assert.Equal(y2, d.Box.Y2, 0.01f);
    }

    private static void AssertScene(Detection[] r)
    {
        Assert.Equal(3, r.Length);
        AssertDetection(r[0], 1, 0.9f, 240, 90, 360, 270);
        AssertDetection(r[1], 2, 0.7f, 240, 90, 360, 270);
        AssertDetection(r[2], 0, 0.6f, 1200, 600, 1500, 900);
    }

    [Fact]
    public void YoloV8_output_decodes_to_source_pixels()
    {
        var d = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, new DecoderOptions());
        AssertScene(Decode(d, YoloV8Output()));
    }

    [Fact]
    public void YoloV8_with_many_candidates_uses_the_vector_path_and_agrees()
    {
        // N = 1000 candidates, the scene placed at the end so that the SIMD arg-max and its tail both run.
        const int n = 1003;
        var o = new float[(4 + Classes) * n];
        var small = YoloV8Output();
        for (int r = 0; r < 4 + Classes; r++)
        for (int i = 0; i < N; i++)
            o[r * n + (n - N) + i] = small[r * N + i];
        var d = DetectionDecoder.Create([1, 4 + Classes, n], Classes, new DecoderOptions());
        Assert.Equal(OutputLayout.YoloV8, d.Layout);
        AssertScene(Decode(d, o));
    }

    [Fact]
    public void YoloV5_output_multiplies_objectness_and_class_score()
    {
        var d = DetectionDecoder.Create([1, N, 5 + Classes], Classes, new DecoderOptions());
        Assert.Equal(OutputLayout.YoloV5, d.Layout);
        AssertScene(Decode(d, YoloV5Output()));
    }

    [Fact]
    public void EndToEnd_output_is_taken_as_is_without_nms()
    {
        float[] o =
        [
            80, 170, 120, 230, 0.9f, 1,
            82, 170, 122, 230, 0.8f, 1, // overlapping, but the model already did NMS: kept
            450, 390, 500, 440, 0.6f, 0,
            0, 0, 0, 0, 0f, 0,          // padding row
        ];
        var d = DetectionDecoder.Create([1, 4, 6], 80, new DecoderOptions());
        Assert.Equal(OutputLayout.EndToEnd, d.Layout);
        var r = Decode(d, o);
        Assert.Equal(3, r.Length);
        AssertDetection(r[0], 1, 0.9f, 240, 90, 360, 270);
        AssertDetection(r[1], 1, 0.8f, 246, 90, 366, 270);
        AssertDetection(r[2], 0, 0.6f, 1350, 750, 1500, 900);
    }

    [Fact]
    public void Class_agnostic_nms_drops_the_other_class_on_the_same_box()
    {
        var d = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, new DecoderOptions { ClassAgnosticNms = true });
        var r = Decode(d, YoloV8Output());
        Assert.Equal(2, r.Length);
        Assert.Equal(1, r[0].ClassId);
        Assert.Equal(0, r[1].ClassId);
    }

    [Fact]
    public void Per_class_thresholds_apply_to_each_class()
    {
        // class 2 needs 0.75 (drops the 0.7), class 0 needs only 0.1 (admits the 0.2)
        var options = new DecoderOptions { PerClassThreshold = [0.1f, 0.25f, 0.75f] };
        var d = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, options);
        var r = Decode(d, YoloV8Output());
        Assert.Equal(3, r.Length);
        Assert.Equal((1, 0.9f), (r[0].ClassId, r[0].Score));
        Assert.Equal((0, 0.6f), (r[1].ClassId, r[1].Score));
        Assert.Equal((0, 0.2f), (r[2].ClassId, r[2].Score));
    }

    [Fact]
    public void Max_detections_and_result_capacity_cap_the_output()
    {
        var d = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, new DecoderOptions { MaxDetections = 2 });
        Assert.Equal(2, Decode(d, YoloV8Output()).Length);
        var d2 = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, new DecoderOptions());
        var one = Decode(d2, YoloV8Output(), capacity: 1);
        Assert.Single(one);
        Assert.Equal(0.9f, one[0].Score);
    }

    [Fact]
    public void Decode_allocates_nothing_in_steady_state()
    {
        var d = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, new DecoderOptions());
        var o = YoloV8Output();
        var results = new Detection[16];
        d.Decode(o, Map, results);
        long before = GC.GetAllocatedBytesForCurrentThread();
        d.Decode(o, Map, results);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Class_count_that_disagrees_with_the_shape_is_rejected()
    {
        Assert.Throws<UnsupportedOutputLayoutException>(() => new DetectionDecoder(OutputLayout.YoloV8, [1, 84, 8400], 3, new DecoderOptions()));
    }

    [Fact]
    public void Invalid_options_name_the_option()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DetectionDecoder(OutputLayout.YoloV8, [1, 84, 8400], 80, new DecoderOptions { IouThreshold = 1.5f }));
        Assert.Equal("IouThreshold", ex.ParamName);
    }

    [Fact]
    public void Short_output_is_rejected()
    {
        var d = new DetectionDecoder(OutputLayout.YoloV8, [1, 84, 8400], 80, new DecoderOptions());
        var ex = Assert.Throws<ArgumentException>(() => d.Decode(new float[100], Map, new Detection[10]));
        Assert.Contains("705600", ex.Message);
    }
}
