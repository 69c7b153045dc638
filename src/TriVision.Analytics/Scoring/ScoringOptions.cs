namespace TriVision.Analytics.Scoring;

/// <summary>Definitions behind the figures (documented in docs/analytics.md).</summary>
public sealed class ScoringOptions
{
    /// <summary>Classes that are hazards (shipped model: 0-3).</summary>
    public HashSet<int> HazardClassIds { get; set; } = new() { 0, 1, 2, 3 };

    /// <summary>Hazard objects visible (fraction at least <see cref="MinVisibleFraction"/>) this long count for recall.</summary>
    public double MinVisibleSeconds { get; set; } = 1.0;

    public float MinVisibleFraction { get; set; } = 0.5f;

    /// <summary>An alarm belongs to the ground-truth object its box overlaps most, at least this much, in the nearest frame.</summary>
    public float AlarmMatchIoU { get; set; } = 0.3f;

    /// <summary>... or when this share of the smaller of the two boxes is covered by the other (a box cut by the frame edge).</summary>
    public float AlarmMatchOverlap { get; set; } = 0.7f;

    /// <summary>Track to ground-truth matching threshold for id switches (MOT convention).</summary>
    public float TrackMatchIoU { get; set; } = 0.5f;

    /// <summary>A warning episode starting this long before a labelled onset (or later, up to the tolerance) predicts that jam.</summary>
    public double JamLookbackSeconds { get; set; } = 120;

    public double JamLateToleranceSeconds { get; set; } = 5;
}
