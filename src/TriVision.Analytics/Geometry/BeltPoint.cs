namespace TriVision.Analytics.Geometry;

/// <summary>A named point along the belt at <paramref name="DistanceMetres"/> from the belt's reference.</summary>
public readonly record struct BeltPoint(string Name, float DistanceMetres)
{
    /// <summary>Where the line is stopped for a hazard (stop_line action).</summary>
    public const string StopPoint = "stop_point";

    /// <summary>Where a diverter/ejector can take an object off the belt (divert action).</summary>
    public const string EjectPoint = "eject_point";

    /// <summary>Where the belt feeds the shredder: the last chance.</summary>
    public const string ShredderInlet = "shredder_inlet";
}
