namespace TriVision.Analytics.Geometry;

/// <summary>A point in frame pixels (a class, so that configuration binding can fill it).</summary>
public sealed class PixelPoint
{
    public float X { get; set; }
    public float Y { get; set; }
}
