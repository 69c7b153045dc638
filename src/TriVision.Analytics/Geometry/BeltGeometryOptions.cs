namespace TriVision.Analytics.Geometry;

/// <summary>
/// Configuration of one camera's view of the belt, as bound from appsettings
/// (<c>Analytics:Belts:N</c>). Validated by <see cref="BeltGeometry.Create"/>.
/// </summary>
public sealed class BeltGeometryOptions
{
    /// <summary>Camera this geometry belongs to.</summary>
    public string CameraId { get; set; } = "";

    /// <summary>Belt region in frame pixels, at least 3 vertices, in order (either winding).</summary>
    public List<PixelPoint> Polygon { get; set; } = new();

    /// <summary>Direction of travel in the image (need not be unit length; it is normalised). Default: left to right.</summary>
    public PixelPoint Direction { get; set; } = new() { X = 1, Y = 0 };

    /// <summary>Image scale along the belt: pixels per metre (measured with a ruler on the belt).</summary>
    public float PixelsPerMetre { get; set; }

    /// <summary>Position along the belt (metres from the belt's own reference, e.g. the infeed) of the upstream edge of the view.</summary>
    public float ViewOffsetMetres { get; set; }

    /// <summary>
    /// Optional 3×3 homography, row-major, from image pixels (x, y, 1) to the belt plane in metres (along, across, w):
    /// along is measured from the belt's reference like the downstream points. For cameras that look at the belt at an
    /// angle. When set, <see cref="Direction"/>, <see cref="PixelsPerMetre"/> and <see cref="ViewOffsetMetres"/> are
    /// derived from it (direction and scale at the centre of the polygon) and the configured values are ignored.
    /// </summary>
    public float[]? Homography { get; set; }

    /// <summary>Named points downstream of the view (stop point, eject point, shredder inlet), in metres along the belt.</summary>
    public List<DownstreamPointOptions> DownstreamPoints { get; set; } = new();

    /// <summary>Speed the belt is designed to run at, metres per second; the tracker's motion prior and the jam predictor's reference.</summary>
    public float NominalSpeedMetresPerSecond { get; set; } = 0.5f;
}
