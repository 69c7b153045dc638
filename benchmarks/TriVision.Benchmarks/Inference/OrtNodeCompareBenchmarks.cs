using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TriVision.Inference.Onnx;

namespace TriVision.Benchmarks.Inference;

/// <summary>
/// TriVision's side of benchmarks/compare-ort-node.sh: the same measuring protocol as
/// benchmarks/node/bench.js (4 warm-up samples, then 30 samples of 5 consecutive runs each,
/// median), in process so that a round starts in seconds. Prints the output checksum so the
/// script can check both bindings computed the same thing.
/// </summary>
[Config(typeof(CompareConfig))]
public class OrtNodeCompareBenchmarks
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

    [Benchmark]
    public float TriVisionRun()
    {
        _runner.Run();
        return _runner.Output(0)[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"ORT-COMPARE threads={BenchModel.Threads} checksum={BenchModel.Checksum(_runner.Output(0)):F3}");
        _runner.Dispose();
        _session.Dispose();
    }

    private sealed class CompareConfig : ManualConfig
    {
        public CompareConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(4)
                .WithIterationCount(30)
                .WithInvocationCount(5)
                .WithUnrollFactor(1)
                .WithId("compare"));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
