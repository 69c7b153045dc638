using TriVision.Analytics.Alarms;
using TriVision.Analytics.Hazards;
using TriVision.Analytics.Jams;
using TriVision.Analytics.Pipeline;
using TriVision.Analytics.Tracking;

namespace TriVision.Service.Host;

/// <summary>Configuration section <c>Analytics</c>: tracker, hazard rules, jam predictor, alarm lifecycle, vision health.</summary>
public sealed class AnalyticsOptions
{
    public TrackerOptions Tracker { get; set; } = new();

    /// <summary>
    /// Hazard rules. Absent: the shipped model's rules (docs/analytics.md). Present: its settings apply, and its
    /// <c>Classes</c> replace the shipped model's class rules entirely; without <c>Classes</c> the shipped ones are kept
    /// (so <c>Hazards:MinHazardShare=0.9</c> alone tunes the shipped rules).
    /// </summary>
    public HazardRuleOptions? Hazards { get; set; }

    public JamPredictorOptions Jam { get; set; } = new();

    public AlarmManagerOptions Alarms { get; set; } = new();

    public VisionHealthOptions Health { get; set; } = new();

    /// <summary>Detections below this score do not count towards belt occupancy. Default 0.25.</summary>
    public float OccupancyMinScore { get; set; } = 0.25f;

    /// <summary>Window of the belt speed estimate in ms. Default 2000.</summary>
    public int SpeedWindowMs { get; set; } = 2000;

    private static HazardRuleOptions WithClasses(HazardRuleOptions? hazards)
    {
        if (hazards is null) return HazardRuleOptions.ForShippedModel();
        if (hazards.Classes.Count == 0) hazards.Classes = HazardRuleOptions.ForShippedModel().Classes;
        return hazards;
    }

    internal BeltAnalyzerOptions ToAnalyzerOptions() => new()
    {
        Tracker = Tracker,
        Hazards = WithClasses(Hazards),
        Jam = Jam,
        OccupancyMinScore = OccupancyMinScore,
        SpeedWindowMs = SpeedWindowMs,
    };
}
