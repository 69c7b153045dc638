namespace TriVision.Analytics.Hazards;

/// <summary>
/// A stretch of the belt (e.g. under a glare-prone light, or near the camera edge) where some classes
/// need a different score threshold. Positions are metres along the belt.
/// </summary>
public sealed class HazardZone
{
    public string Name { get; set; } = "";
    public float StartMetres { get; set; }
    public float EndMetres { get; set; }

    /// <summary>Per-class score thresholds that replace <see cref="HazardClassRule.MinScore"/> inside the zone (above 1: class ignored there).</summary>
    public List<ZoneThreshold> Thresholds { get; set; } = new();
}
