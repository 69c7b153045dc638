namespace TriVision.Analytics.Hazards;

/// <summary>A zone's score threshold for one class.</summary>
public sealed class ZoneThreshold
{
    public int ClassId { get; set; }
    public float MinScore { get; set; }
}
