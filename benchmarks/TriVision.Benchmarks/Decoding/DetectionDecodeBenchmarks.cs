using BenchmarkDotNet.Attributes;
using TriVision.Core.Detections;
using TriVision.Inference.Decoding;
using TriVision.Inference.Preprocessing;

namespace TriVision.Benchmarks.Decoding;

/// <summary>
/// Decoding a YOLOv8 [1, 84, 8400] output (80 classes) including NMS, and NMS alone over 8,400
/// candidates. "Typical" puts ~300 candidates above the 0.25 threshold (a busy belt); "AllPass"
/// gives every one of the 8,400 anchors a passing score, the worst case for the sort and NMS.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class DetectionDecodeBenchmarks
{
    private const int Classes = 80;
    private const int N = 8400;

    private float[] _output = [];
    private DetectionDecoder _decoder = null!;
    private readonly Detection[] _results = new Detection[300];
    private readonly LetterboxTransform _map = LetterboxTransform.Compute(1920, 1080, 640, 640);

    private BoxF[] _boxes = [];
    private float[] _scores = [];
    private int[] _classes = [];
    private readonly int[] _kept = new int[300];
    private readonly NmsScratch _scratch = new(N);

    [Params("Typical", "AllPass")]
    public string Scores { get; set; } = "Typical";

    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(7);
        bool all = Scores == "AllPass";
        _output = new float[(4 + Classes) * N];
        _boxes = new BoxF[N];
        _scores = new float[N];
        _classes = new int[N];
        for (int i = 0; i < N; i++)
        {
            float cx = rnd.NextSingle() * 640, cy = rnd.NextSingle() * 640;
            float w = 10 + rnd.NextSingle() * 120, h = 10 + rnd.NextSingle() * 120;
            _output[i] = cx;
            _output[N + i] = cy;
            _output[2 * N + i] = w;
            _output[3 * N + i] = h;
            for (int c = 0; c < Classes; c++) _output[(4 + c) * N + i] = rnd.NextSingle() * 0.05f;
            int cls = rnd.Next(Classes);
            float s = all || rnd.Next(28) == 0 ? 0.26f + rnd.NextSingle() * 0.7f : rnd.NextSingle() * 0.2f;
            _output[(4 + cls) * N + i] = s;
            _boxes[i] = BoxF.FromCenter(cx, cy, w, h);
            _scores[i] = s;
            _classes[i] = cls;
        }
        _decoder = new DetectionDecoder(OutputLayout.YoloV8, [1, 4 + Classes, N], Classes, new DecoderOptions());
    }

    [Benchmark]
    public int Decode_YoloV8_84x8400_with_nms() => _decoder.Decode(_output, _map, _results);

    [Benchmark]
    public int Nms_8400_candidates_80_classes() =>
        Nms.Run(_boxes, _scores, _classes, 0.45f, classAgnostic: false, _kept, _scratch);
}
