namespace TriVision.Analytics.Geometry;

/// <summary>A named point along the belt.</summary>
public sealed class DownstreamPointOptions
{
    public string Name { get; set; } = "";
    public float DistanceMetres { get; set; }
}
