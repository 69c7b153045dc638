namespace TriVision.Analytics.Tracking;

/// <summary>How track-detection pairs are chosen from the gated costs.</summary>
public enum MatchingAlgorithm
{
    /// <summary>Cheapest pair first (sorted costs): near-optimal on a belt where objects keep their order; the default.</summary>
    Greedy,
    /// <summary>Minimum total cost (Kuhn-Munkres): optimal, O(n³); for crowded belts with many overlapping boxes.</summary>
    Hungarian,
}
