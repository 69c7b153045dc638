using BenchmarkDotNet.Attributes;
using TriVision.Core.Frames;

namespace TriVision.Benchmarks.Capture;

/// <summary>The per-frame bookkeeping of the pool and the latest-frame slot: must allocate nothing.</summary>
[MemoryDiagnoser]
public class FramePoolBenchmarks
{
    private FramePool _pool = null!;
    private LatestFrameSlot _slot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = new FramePool(new FrameFormat(1920, 1080, PixelFormat.Bgr8), 8, "bench");
        _slot = new LatestFrameSlot("bench", 2);
    }

    [Benchmark]
    public void RentAddRefRelease()
    {
        _pool.TryRent(out var f);
        f!.AddRef();
        f.Release();
        f.Release();
    }

    /// <summary>Camera posts 3 frames, the pipeline takes one: two drops per operation, as with a 3x slower consumer.</summary>
    [Benchmark]
    public void SlotPostThreeTakeOne()
    {
        for (int i = 0; i < 3; i++)
        {
            _pool.TryRent(out var f);
            _slot.OnFrame(f!);
        }
        _slot.TryDequeue(out var taken);
        taken!.Release();
        _slot.ReleaseAll();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _slot.Complete();
        _pool.Dispose();
    }
}
