using BenchmarkDotNet.Attributes;
using TriVision.Core.Frames;
using TriVision.Inference.Preprocessing;

namespace TriVision.Benchmarks.Preprocessing;

/// <summary>One full-HD camera frame letterboxed into a 640x640 NCHW float input.</summary>
[MemoryDiagnoser]
[MinColumn]
public class LetterboxPreprocessBenchmarks
{
    private byte[] _frame = [];
    private float[] _input = [];
    private FrameFormat _format;
    private LetterboxPreprocessor _pre = null!;

    [Params(PixelFormat.Bgr8, PixelFormat.BayerRG8, PixelFormat.Mono8)]
    public PixelFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _format = new FrameFormat(1920, 1080, Format);
        _frame = new byte[_format.BufferSize];
        new Random(42).NextBytes(_frame);
        _pre = new LetterboxPreprocessor(640, 640);
        _input = new float[_pre.OutputLength];
    }

    [Benchmark]
    public LetterboxTransform Letterbox_1920x1080_to_640x640() => _pre.Run(_frame, _format, _input);
}
