using TriVision.Inference.Onnx;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>Steady-state inference allocates nothing on the managed heap.</summary>
[Collection(OrtCollection.Name)]
public sealed class ZeroAllocationTests
{
    [Theory]
    [InlineData("yolov8_known.onnx")]
    [InlineData("dynamic.onnx")]
    public void Run_allocates_no_managed_memory(string model)
    {
        using var session = OnnxSession.Open(Fixtures.Model(model), new SessionConfig { IntraOpThreads = 1, InputHeight = 64, InputWidth = 64 });
        using var runner = session.CreateRunner();
        runner.Input.Fill(0.5f);
        for (int i = 0; i < 20; i++) runner.Run(); // warm-up: JIT tiers, ORT arenas

        float sum = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            runner.Run();
            sum += runner.Output(0)[0];
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        GC.KeepAlive(sum);
    }
}
