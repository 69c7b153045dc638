using TriVision.Analytics.Geometry;
using TriVision.Simulation.Scenarios;
using SimGeometry = TriVision.Simulation.BeltGeometry;
using AnalyticsGeometry = TriVision.Analytics.Geometry.BeltGeometry;

namespace TriVision.Service.Scenarios;

/// <summary>
/// Configures the analytics with the simulator's own calibration, as a plant would measure it: the
/// belt region, left-to-right travel, pixels per metre, the view's belt position and the stop and eject
/// points. Positions then share one coordinate with the simulator's truth, so ETAs compare directly.
/// </summary>
public static class ScenarioGeometry
{
    public const string CameraId = "sim";

    public static AnalyticsGeometry Create(SimGeometry sim, Scenario scenario, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(scenario);
        // The belt band clipped to the frame; x starts at 0 so that the view's upstream edge is ViewStartM.
        float top = (float)Math.Clamp(sim.BeltTopPx, 0, frameHeight - 1);
        float bottom = (float)Math.Clamp(sim.BeltTopPx + sim.BeltWidthM * sim.PixelsPerMetre, top + 1, frameHeight);
        float right = frameWidth;
        var options = new BeltGeometryOptions
        {
            CameraId = CameraId,
            Polygon =
            {
                new PixelPoint { X = 0, Y = top },
                new PixelPoint { X = right, Y = top },
                new PixelPoint { X = right, Y = bottom },
                new PixelPoint { X = 0, Y = bottom },
            },
            Direction = new PixelPoint { X = 1, Y = 0 },
            PixelsPerMetre = (float)sim.PixelsPerMetre,
            ViewOffsetMetres = (float)sim.ViewStartM,
            // The design speed is what the belt runs at when the scenario starts.
            NominalSpeedMetresPerSecond = (float)Math.Max(scenario.SpeedAt(0), 0.05),
            DownstreamPoints =
            {
                new DownstreamPointOptions { Name = BeltPoint.EjectPoint, DistanceMetres = (float)sim.EjectPointM },
                new DownstreamPointOptions { Name = BeltPoint.StopPoint, DistanceMetres = (float)sim.StopPointM },
            },
        };
        return AnalyticsGeometry.Create(options);
    }
}
