using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TriVision.Benchmarks.Capture;

/// <summary>
/// Capture benchmarks run real cameras and processes for seconds per operation: a few in-process
/// iterations (so the measurement columns see their values), memory diagnoser on.
/// </summary>
public sealed class CaptureConfig : ManualConfig
{
    public CaptureConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new CaptureMeasurementColumn("Frames"));
        AddColumn(new CaptureMeasurementColumn("Drops"));
        AddColumn(new CaptureMeasurementColumn("BytesCopied/frame"));
        AddColumn(new CaptureMeasurementColumn("CPU/frame"));
    }
}
