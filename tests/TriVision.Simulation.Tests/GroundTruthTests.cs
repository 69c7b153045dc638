using TriVision.Simulation;

namespace TriVision.Simulation.Tests;

public class GroundTruthTests
{
    /// <summary>
    /// Renders a loaded belt and the same belt with no objects (same seed: same texture, phase and
    /// lighting), without noise or blur, so that every changed pixel belongs to some object.
    /// </summary>
    [Fact]
    public void BoxesCoverExactlyThePixelsThatObjectsChanged()
    {
        const string common = "seed=11&noise=0&exposure=0&clutter=0&flicker=0&drift=0&pileup=0.3&occlusion=0.4";
        var loaded = new BeltSimulator(TestFrames.Small(common + "&feed=5"));
        var empty = new BeltSimulator(TestFrames.Small(common + "&feed=0"));
        var a = new byte[loaded.Format.BufferSize];
        var b = new byte[empty.Format.BufferSize];
        int w = loaded.Format.Width, h = loaded.Format.Height;
        int checkedObjects = 0;
        for (int frame = 0; frame < 30; frame++)
        {
            SimFrame f = loaded.RenderNext(a);
            empty.RenderNext(b);
            var inBox = new bool[w * h];
            foreach (var o in f.ObjectSpan)
            {
                Assert.InRange(o.Box.X1, 0, w);
                Assert.InRange(o.Box.X2, o.Box.X1 + 1, w);
                Assert.InRange(o.Box.Y1, 0, h);
                Assert.InRange(o.Box.Y2, o.Box.Y1 + 1, h);
                Assert.InRange(o.VisibleFraction, 0.0001f, 1f);
                // Margin: anti-aliased rims below the silhouette threshold lie just outside, and the
                // contact shadow falls down and to the right (at most ~0.4 x 0.11 m x 164 px/m here).
                for (int y = Math.Max(0, (int)o.Box.Y1 - 1); y < Math.Min(h, (int)o.Box.Y2 + 9); y++)
                    for (int x = Math.Max(0, (int)o.Box.X1 - 1); x < Math.Min(w, (int)o.Box.X2 + 7); x++) inBox[y * w + x] = true;
                if (o.VisibleFraction < 0.5 || o.Box.Area < 100) continue;
                int changed = 0, total = 0;
                for (int y = (int)o.Box.Y1; y < (int)o.Box.Y2; y++)
                    for (int x = (int)o.Box.X1; x < (int)o.Box.X2; x++)
                    {
                        int i = (y * w + x) * 3;
                        total++;
                        if (Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]) > 6) changed++;
                    }
                Assert.True(changed > total * 0.25, $"frame {frame}: {o.KindName} box {o.Box} has only {changed}/{total} pixels that differ from the belt");
                checkedObjects++;
            }
            // Outside every box the frame is plain belt (translucent rims below the alpha threshold aside).
            int stray = 0;
            for (int p = 0; p < w * h; p++)
            {
                if (inBox[p]) continue;
                int i = p * 3;
                if (Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]) > 60) stray++;
            }
            Assert.True(stray < 40, $"frame {frame}: {stray} strongly changed pixels lie outside every box");
        }
        Assert.True(checkedObjects > 20, $"only {checkedObjects} objects were checked");
    }

    [Fact]
    public void ObjectsMoveWithTheBeltAndKeepTheirIds()
    {
        var sim = new BeltSimulator(TestFrames.Small("seed=4&speed=1.5&fps=30&feed=3"));
        var buf = new byte[sim.Format.BufferSize];
        var first = new Dictionary<int, double>();
        foreach (var o in sim.RenderNext(buf).Objects) first[o.Id] = o.PositionM;
        var second = sim.RenderNext(buf);
        int matched = 0;
        foreach (var o in second.Objects)
        {
            if (!first.TryGetValue(o.Id, out double x0)) continue;
            Assert.Equal(1.5 / 30, o.PositionM - x0, 9);
            matched++;
        }
        Assert.True(matched > 0);
        Assert.Equal(1.0 / 30, second.TimeS, 9);
        Assert.Equal(1.5, second.BeltSpeedMps);
    }
}
