using BenchmarkDotNet.Attributes;
using TriVision.Inference.Onnx;

namespace TriVision.Benchmarks.Inference;

/// <summary>
/// One inference call on bench_640 ([1,3,640,640] -> [1,9,8400], ~0.37 GFLOP) on CPU through
/// TriVision's binding with pre-bound buffers. The memory diagnoser must show 0 B allocated.
///   dotnet run -c Release --project benchmarks/TriVision.Benchmarks -- --filter '*InferenceBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private OnnxSession _session = null!;
    private OnnxRunner _runner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = OnnxSession.Open(BenchModel.Path, BenchModel.Config);
        _runner = _session.CreateRunner();
        BenchModel.Fill(_runner.Input);
    }

    [Benchmark(Description = "bench_640 Run (CPU, pre-bound I/O)")]
    public float Run()
    {
        _runner.Run();
        return _runner.Output(0)[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runner.Dispose();
        _session.Dispose();
    }
}
