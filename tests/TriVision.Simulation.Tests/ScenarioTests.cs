using TriVision.Simulation;
using TriVision.Simulation.Scenarios;

namespace TriVision.Simulation.Tests;

public class ScenarioTests
{
    [Fact]
    public void CatalogHasTheContractScenarios()
    {
        foreach (string name in new[] { "feed_surge", "belt_slowdown", "stall", "pileup_transfer", "normal_flow", "hazard_mixed", "normal_waste" })
            Assert.Contains(name, ScenarioCatalog.Names);
        foreach (Scenario s in ScenarioCatalog.All(5))
        {
            if (s.Kind == ScenarioKind.Jam)
            {
                Assert.NotNull(s.JamOnsetS);
                Assert.Equal("jammed", s.KeyframeAt(s.JamOnsetS!.Value + 0.01).Phase);
                Assert.NotEqual("jammed", s.KeyframeAt(s.JamOnsetS.Value - 15).Phase);
                Assert.True(s.JamOnsetS > 60, $"{s.Name}: onset {s.JamOnsetS} leaves no normal lead-in");
            }
            else Assert.Null(s.JamOnsetS);
            if (s.Kind is ScenarioKind.NormalWaste or ScenarioKind.NormalFlow) Assert.True(s.DurationS >= 3600);
            if (s.Kind == ScenarioKind.NormalWaste) { Assert.Empty(s.ScriptedObjects); Assert.Equal(0, s.HazardShare); }
            if (s.Kind == ScenarioKind.Hazard) Assert.All(s.ScriptedObjects, o => Assert.True(SimClasses.IsHazard(TriVision.Simulation.Objects.ObjectKinds.ClassOf(o.Kind))));
        }
    }

    [Fact]
    public void SameSeedSameScenarioAndDifferentSeedDifferentTimings()
    {
        Assert.Equal(ScenarioCatalog.Get("stall", 3).JamOnsetS, ScenarioCatalog.Get("stall", 3).JamOnsetS);
        Assert.NotEqual(ScenarioCatalog.Get("stall", 3).JamOnsetS, ScenarioCatalog.Get("stall", 4).JamOnsetS);
    }

    [Theory]
    [InlineData("belt_slowdown")]
    [InlineData("stall")]
    [InlineData("feed_surge")]
    public void TimeToTravelInvertsTheSpeedIntegral(string name)
    {
        Scenario s = ScenarioCatalog.Get(name, 2);
        double onset = s.JamOnsetS!.Value;
        foreach (double t in new[] { 0.0, 30, onset - 40, onset - 7.3, onset - 1 })
        {
            foreach (double d in new[] { 0.5, 3, 9 })
            {
                double eta = s.TimeToTravel(t, d);
                if (double.IsPositiveInfinity(eta))
                {
                    Assert.True(s.DistanceBetween(t, t + 1000) < d + 1e-9);
                    continue;
                }
                Assert.Equal(d, s.DistanceBetween(t, t + eta), 6);
                // Independent check: midpoint-rule integration of the speed profile.
                double sum = 0, step = 1e-3;
                for (double x = t; x < t + eta - step / 2; x += step) sum += s.SpeedAt(x + step / 2) * step;
                Assert.Equal(d, sum, 2);
            }
        }
        Assert.True(double.IsPositiveInfinity(s.TimeToTravel(onset + 5, 0.1)), "after the stall nothing reaches the stop point");
    }

    [Fact]
    public void FramesCarryOnsetLabelsAndEtaTruth()
    {
        var o = TestFrames.Small("seed=6&fps=10&scenario=belt_slowdown");
        var sim = new BeltSimulator(o);
        Scenario s = sim.Scenario;
        double onset = s.JamOnsetS!.Value;
        var buf = new byte[sim.Format.BufferSize];
        bool sawJam = false, sawNormal = false, sawEta = false;
        while (sim.TimeS < onset + 5)
        {
            SimFrame f = sim.RenderNext(buf);
            Assert.Equal(onset, f.JamOnsetS);
            Assert.Equal("belt_slowdown", f.ScenarioName);
            Assert.Equal(f.TimeS >= onset, f.Jammed);
            Assert.Equal(s.SpeedAt(f.TimeS), f.BeltSpeedMps, 9);
            sawJam |= f.Jammed && f.Phase == "jammed";
            sawNormal |= f.Phase == "normal";
            foreach (var ob in f.Objects)
            {
                double toStop = sim.Geometry.StopPointM - ob.PositionM;
                if (double.IsFinite(ob.EtaStopS))
                {
                    Assert.Equal(toStop, s.DistanceBetween(f.TimeS, f.TimeS + ob.EtaStopS), 6);
                    Assert.True(ob.EtaEjectS < ob.EtaStopS);
                    sawEta = true;
                }
                else Assert.True(f.TimeS > onset - 60, "infinite ETA only once the belt is about to stop");
            }
        }
        Assert.True(sawJam && sawNormal && sawEta);
    }

    [Fact]
    public void PileupRaisesOccupancyBeforeTheOnset()
    {
        var sim = new BeltSimulator(TestFrames.Small("seed=2&fps=5&clutter=0&scenario=pileup_transfer"));
        var buf = new byte[sim.Format.BufferSize];
        double onset = sim.Scenario.JamOnsetS!.Value;
        double blockStart = 0;
        foreach (var k in sim.Scenario.Keyframes) if (k.Blocked) { blockStart = k.TimeS; break; }
        double normalSum = 0, lateSum = 0;
        int normalN = 0, lateN = 0;
        while (sim.TimeS < onset)
        {
            SimFrame f = sim.RenderNext(buf);
            if (f.TimeS < blockStart) { normalSum += f.Occupancy; normalN++; }
            else if (f.TimeS > onset - 10) { lateSum += f.Occupancy; lateN++; }
        }
        Assert.True(lateSum / lateN > 2 * normalSum / normalN, $"occupancy {normalSum / normalN:0.000} -> {lateSum / lateN:0.000}");
    }

    [Fact]
    public void ScriptedHazardsAppearAtTheirTimes()
    {
        Scenario s = ScenarioCatalog.Get("hazard_mixed", 9);
        var sim = new BeltSimulator(s, TestFrames.Small("seed=9&fps=10"));
        var buf = new byte[sim.Format.BufferSize];
        ScriptedObject first = s.ScriptedObjects[0];
        double seenAt = double.NaN;
        while (sim.TimeS < first.EnterTimeS + 2 && double.IsNaN(seenAt))
        {
            SimFrame f = sim.RenderNext(buf);
            foreach (var o in f.Objects)
            {
                if (o.ScriptIndex != 0) continue;
                Assert.Equal(first.Kind, o.Kind);
                Assert.Equal(first.EnterTimeS, o.EnteredViewS);
                seenAt = f.TimeS;
                break;
            }
        }
        Assert.InRange(seenAt, first.EnterTimeS, first.EnterTimeS + 0.11);
        Assert.Equal(sim.Geometry, s.GeometryFor(TestFrames.Small("seed=9&fps=10")));
    }
}
