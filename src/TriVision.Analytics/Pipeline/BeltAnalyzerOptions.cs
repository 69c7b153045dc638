using TriVision.Analytics.Hazards;
using TriVision.Analytics.Jams;
using TriVision.Analytics.Tracking;

namespace TriVision.Analytics.Pipeline;

/// <summary>Settings of one camera's analytics chain.</summary>
public sealed class BeltAnalyzerOptions
{
    public TrackerOptions Tracker { get; set; } = new();
    public HazardRuleOptions Hazards { get; set; } = HazardRuleOptions.ForShippedModel();
    public JamPredictorOptions Jam { get; set; } = new();

    /// <summary>Detections below this score do not count towards belt occupancy.</summary>
    public float OccupancyMinScore { get; set; } = 0.25f;

    /// <summary>Window of the belt speed median.</summary>
    public int SpeedWindowMs { get; set; } = 2000;
}
