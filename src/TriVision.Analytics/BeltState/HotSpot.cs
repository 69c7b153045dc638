namespace TriVision.Analytics.BeltState;

/// <summary>The most crowded stretch of the belt in view: belt positions (m) and its occupancy (0-1).</summary>
public readonly record struct HotSpot(float StartMetres, float EndMetres, float Occupancy);
