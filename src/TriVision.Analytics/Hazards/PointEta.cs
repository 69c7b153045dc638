namespace TriVision.Analytics.Hazards;

/// <summary>Seconds until the object reaches a downstream point (0: already past; NaN: speed unknown or belt stopped).</summary>
public readonly record struct PointEta(string Name, float DistanceMetres, float Seconds);
