using TriVision.Simulation;

namespace TriVision.Simulation.Tests;

public class DeterminismTests
{
    private static (string Frames, string Labels) Run(SimulatorOptions o, int frames)
    {
        var sim = new BeltSimulator(o);
        var buf = new byte[sim.Format.BufferSize];
        var frameHashes = new System.Text.StringBuilder();
        var labels = new System.Text.StringBuilder();
        for (int i = 0; i < frames; i++)
        {
            SimFrame f = sim.RenderNext(buf);
            frameHashes.Append(TestFrames.Hash(buf));
            labels.AppendLine(TestFrames.TruthLine(f));
        }
        return (TestFrames.Hash(System.Text.Encoding.UTF8.GetBytes(frameHashes.ToString())), labels.ToString());
    }

    [Fact]
    public void SameSeedGivesIdenticalFramesAndLabels()
    {
        var a = Run(TestFrames.Small("seed=7&feed=4&pileup=0.2&flicker=100"), 40);
        var b = Run(TestFrames.Small("seed=7&feed=4&pileup=0.2&flicker=100"), 40);
        Assert.Equal(a.Frames, b.Frames);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Contains("|", a.Labels); // objects were present
    }

    [Fact]
    public void DifferentSeedGivesDifferentFrames()
    {
        var a = Run(TestFrames.Small("seed=7"), 5);
        var b = Run(TestFrames.Small("seed=8"), 5);
        Assert.NotEqual(a.Frames, b.Frames);
    }

    [Fact]
    public void ScenarioRunIsDeterministic()
    {
        var a = Run(TestFrames.Small("seed=3&scenario=pileup_transfer"), 30);
        var b = Run(TestFrames.Small("seed=3&scenario=pileup_transfer"), 30);
        Assert.Equal(a.Frames, b.Frames);
        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void SteadyStateFramesAllocateAlmostNothing()
    {
        var sim = new BeltSimulator(TestFrames.Small("seed=5&feed=3"));
        var buf = new byte[sim.Format.BufferSize];
        for (int i = 0; i < 900; i++) sim.RenderNext(buf); // fill the object and sprite pools
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 600; i++) sim.RenderNext(buf);
        long perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / 600;
        Assert.True(perFrame < 256, $"{perFrame} bytes allocated per frame");
    }
}
