namespace TriVision.Simulation;

/// <summary>
/// Where the camera looks along the belt and where the downstream points are, in metres along the
/// direction of travel. The belt moves left to right in the image (+x is downstream); image y runs
/// across the belt.
/// </summary>
/// <param name="ViewStartM">Belt position at the image's left edge.</param>
/// <param name="ViewEndM">Belt position at the image's right edge.</param>
/// <param name="EjectPointM">Position of the eject (divert) point downstream of the view.</param>
/// <param name="StopPointM">Position where a stopped line must have halted a hazard (e.g. the shredder inlet).</param>
/// <param name="BeltWidthM">Belt width.</param>
/// <param name="PixelsPerMetre">Image scale (same along and across the belt).</param>
/// <param name="BeltTopPx">Image row of the belt's upper edge (negative when the belt is wider than the view).</param>
public sealed record BeltGeometry(
    double ViewStartM,
    double ViewEndM,
    double EjectPointM,
    double StopPointM,
    double BeltWidthM,
    double PixelsPerMetre,
    double BeltTopPx)
{
    public double ViewLengthM => ViewEndM - ViewStartM;

    /// <summary>Image x of a belt position.</summary>
    public double ToPixelX(double positionM) => (positionM - ViewStartM) * PixelsPerMetre;

    /// <summary>Belt position of an image x.</summary>
    public double ToPositionM(double pixelX) => ViewStartM + pixelX / PixelsPerMetre;
}
