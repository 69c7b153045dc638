using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using TriVision.Core.Frames;
using TriVision.Core.Imaging;
using TriVision.Simulation;
using TriVision.Simulation.Dataset;

namespace TriVision.Benchmarks.Simulation;

/// <summary>
/// Per-image cost of dataset generation: a fresh random scene (belt, lighting, warm start,
/// one frame) and its PNG encoding.
/// Run: dotnet run -c Release --project benchmarks/TriVision.Benchmarks -- --filter '*DatasetBenchmarks*' --inProcess --warmupCount 2 --iterationCount 8
/// </summary>
[MemoryDiagnoser]
public class DatasetBenchmarks
{
    private readonly DatasetOptions _options = new() { Width = 960, Height = 540 };
    private byte[] _frame = [];
    private FrameFormat _format;
    private int _index;

    [GlobalSetup]
    public void Setup()
    {
        var sim = DatasetWriter.CreateScene(_options, DatasetSplit.Train, 0);
        _format = sim.Format;
        _frame = new byte[_format.BufferSize];
        sim.RenderNext(_frame);
    }

    [Benchmark]
    public int Scene()
    {
        var sim = DatasetWriter.CreateScene(_options, DatasetSplit.Train, _index++ % 64);
        return sim.RenderNext(_frame).Objects.Count;
    }

    [Benchmark]
    public int PngOptimal() => PngEncoder.Encode(_frame, _format, CompressionLevel.Optimal).Length;

    [Benchmark]
    public int PngFastest() => PngEncoder.Encode(_frame, _format, CompressionLevel.Fastest).Length;
}
