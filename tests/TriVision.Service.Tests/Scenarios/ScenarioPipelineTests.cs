using TriVision.Analytics.Geometry;
using TriVision.Service.Scenarios;
using TriVision.Simulation;
using TriVision.Simulation.Scenarios;

namespace TriVision.Service.Tests.Scenarios;

/// <summary>
/// The wiring apart from the model: the analytics geometry must put an object where the simulator says it
/// is (else every ETA is off), and with the simulator's own boxes as detections the chain must alarm
/// early with an ETA that matches the truth.
/// </summary>
public class ScenarioPipelineTests
{
    [Fact]
    public void Geometry_puts_objects_where_the_simulator_says_they_are()
    {
        var scenario = ScenarioCatalog.Get("hazard_mixed", 5);
        var sim = new BeltSimulator(scenario);
        var geometry = ScenarioGeometry.Create(sim.Geometry, scenario, sim.Format.Width, sim.Format.Height);
        Assert.True(geometry.TryGetPoint(BeltPoint.StopPoint, out var stop));
        Assert.Equal(sim.Geometry.StopPointM, stop.DistanceMetres, 3);
        Assert.True(geometry.TryGetPoint(BeltPoint.EjectPoint, out var eject));
        Assert.Equal(sim.Geometry.EjectPointM, eject.DistanceMetres, 3);

        var pixels = new byte[sim.Format.BufferSize];
        int checkedObjects = 0;
        for (int i = 0; i < 60; i++)
        {
            var frame = sim.RenderNext(pixels);
            foreach (var o in frame.Objects)
            {
                // Whole objects only: a box cut by the frame edge has its centre elsewhere.
                if (o.VisibleFraction < 0.99f) continue;
                float cx = (o.Box.X1 + o.Box.X2) / 2, cy = (o.Box.Y1 + o.Box.Y2) / 2;
                Assert.Equal(o.PositionM, geometry.AlongMetres(cx, cy), 0.05);
                checkedObjects++;
            }
        }
        Assert.True(checkedObjects > 10, $"only {checkedObjects} whole objects seen");
    }

    [Fact]
    public void Truth_detections_alarm_every_hazard_early_with_an_accurate_eta()
    {
        var scenario = ScenarioCatalog.Get("hazard_mixed", 7);
        int steps = 0;
        var result = new ScenarioRunner(detector: null).Run(scenario, 0.1, () => steps++);
        var f = result.Score.Figures;
        Assert.Equal(1800, result.Frames);
        Assert.Equal(1800, steps);
        Assert.Equal(60, f.DurationSeconds, 6);
        Assert.True(f.HazardObjects >= 2, $"only {f.HazardObjects} hazards in the first minute");
        Assert.Equal(1.0, f.HazardRecall);
        Assert.Equal(0, f.FalseHazardAlarms);
        Assert.NotNull(f.AlarmLatencyMedianMs);
        Assert.InRange(f.AlarmLatencyMedianMs!.Value, 0, 300);
        Assert.NotNull(f.EtaErrorMedianPct);
        Assert.InRange(f.EtaErrorMedianPct!.Value, 0, 10);
    }

    [Fact]
    public void Jam_runs_reach_past_their_onset_whatever_the_scale()
    {
        var stall = ScenarioCatalog.Get("stall", 3);
        Assert.Equal(stall.JamOnsetS!.Value + 10, ScenarioRunner.RunLength(stall, 0.01), 6);
        var hazard = ScenarioCatalog.Get("hazard_fast", 3);
        Assert.Equal(30, ScenarioRunner.RunLength(hazard, 0.1), 6);
    }
}
