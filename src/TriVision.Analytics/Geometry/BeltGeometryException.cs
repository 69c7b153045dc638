namespace TriVision.Analytics.Geometry;

/// <summary>A belt geometry configuration that cannot be used; the message lists every problem found.</summary>
public sealed class BeltGeometryException : Exception
{
    public BeltGeometryException(string message) : base(message) { }
}
