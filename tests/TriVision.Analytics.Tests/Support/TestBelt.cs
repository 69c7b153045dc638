using TriVision.Analytics.Geometry;

namespace TriVision.Analytics.Tests.Support;

/// <summary>
/// A 1280x480 camera looking at a belt that fills rows 100-400 and runs left to right, 400 px per metre
/// (a 3.2 m view) starting 2 m along the belt; stop point at 10 m, eject at 8 m, shredder inlet at 14 m.
/// </summary>
internal static class TestBelt
{
    public const float PixelsPerMetre = 400f;
    public const float ViewOffset = 2f;

    public static BeltGeometryOptions Options(float nominalSpeed = 0.5f) => new()
    {
        CameraId = "cam1",
        Polygon =
        {
            new PixelPoint { X = 0, Y = 100 }, new PixelPoint { X = 1280, Y = 100 },
            new PixelPoint { X = 1280, Y = 400 }, new PixelPoint { X = 0, Y = 400 },
        },
        Direction = new PixelPoint { X = 1, Y = 0 },
        PixelsPerMetre = PixelsPerMetre,
        ViewOffsetMetres = ViewOffset,
        NominalSpeedMetresPerSecond = nominalSpeed,
        DownstreamPoints =
        {
            new DownstreamPointOptions { Name = BeltPoint.EjectPoint, DistanceMetres = 8 },
            new DownstreamPointOptions { Name = BeltPoint.StopPoint, DistanceMetres = 10 },
            new DownstreamPointOptions { Name = BeltPoint.ShredderInlet, DistanceMetres = 14 },
        },
    };

    public static BeltGeometry Create(float nominalSpeed = 0.5f) => BeltGeometry.Create(Options(nominalSpeed));
}
