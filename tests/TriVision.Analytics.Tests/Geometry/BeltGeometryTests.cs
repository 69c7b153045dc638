using TriVision.Analytics.Geometry;
using TriVision.Analytics.Tests.Support;

namespace TriVision.Analytics.Tests.Geometry;

public class BeltGeometryTests
{
    [Fact]
    public void Positions_are_metres_along_the_belt_from_the_view_offset()
    {
        var g = TestBelt.Create();
        Assert.Equal(2f, g.AlongMetres(0, 250), 4);
        Assert.Equal(3f, g.AlongMetres(400, 123), 4);
        Assert.Equal(3.2f, g.ViewLengthMetres, 4);
        Assert.Equal(5.2f, g.ViewEndMetres, 4);
    }

    [Fact]
    public void Direction_is_normalised_and_diagonal_belts_project_correctly()
    {
        var o = TestBelt.Options();
        o.Direction = new PixelPoint { X = 3, Y = 4 };
        var g = BeltGeometry.Create(o);
        Assert.Equal(1f, g.Direction.Length(), 5);
        // Moving 500 px along (3,4)/5 from a vertex that projects to the minimum advances 500/400 m.
        float a0 = g.AlongMetres(100, 200);
        float a1 = g.AlongMetres(100 + 300, 200 + 400);
        Assert.Equal(1.25f, a1 - a0, 4);
    }

    [Fact]
    public void Contains_tells_belt_from_background()
    {
        var g = TestBelt.Create();
        Assert.True(g.Contains(640, 250));
        Assert.False(g.Contains(640, 50));
        Assert.False(g.Contains(640, 450));
    }

    [Fact]
    public void Eta_is_remaining_distance_over_speed()
    {
        var stop = new BeltPoint(BeltPoint.StopPoint, 10f);
        Assert.Equal(12f, BeltGeometry.EtaSeconds(4f, 0.5f, stop), 4);
        Assert.Equal(0f, BeltGeometry.EtaSeconds(11f, 0.5f, stop));
        Assert.True(float.IsNaN(BeltGeometry.EtaSeconds(4f, 0f, stop)));
    }

    [Fact]
    public void Invalid_options_list_every_problem_with_the_camera()
    {
        var o = TestBelt.Options();
        o.PixelsPerMetre = 0;
        o.Direction = new PixelPoint();
        o.Polygon.RemoveAt(0);
        o.Polygon.RemoveAt(0);
        o.DownstreamPoints.Add(new DownstreamPointOptions { Name = BeltPoint.StopPoint, DistanceMetres = 12 });
        var ex = Assert.Throws<BeltGeometryException>(() => BeltGeometry.Create(o));
        Assert.Contains("cam1", ex.Message);
        Assert.Contains("PixelsPerMetre = 0", ex.Message);
        Assert.Contains("Direction", ex.Message);
        Assert.Contains("at least 3", ex.Message);
        Assert.Contains("used twice", ex.Message);
    }

    [Fact]
    public void A_downstream_point_inside_the_view_is_rejected()
    {
        var o = TestBelt.Options();
        o.DownstreamPoints[0].DistanceMetres = 4f; // view spans 2 .. 5.2 m
        var ex = Assert.Throws<BeltGeometryException>(() => BeltGeometry.Create(o));
        Assert.Contains("inside the view", ex.Message);
    }

    [Fact]
    public void An_affine_homography_gives_the_same_positions_as_the_scale()
    {
        var o = TestBelt.Options();
        o.Homography = new[] { 1 / 400f, 0, 2, 0, 1 / 400f, 0, 0, 0, 1 }; // along = 2 + x/400, across = y/400
        o.PixelsPerMetre = 0; // ignored with a homography
        var g = BeltGeometry.Create(o);
        var plain = TestBelt.Create();
        Assert.True(g.HasHomography);
        foreach (var (x, y) in new[] { (0f, 100f), (640f, 250f), (1280f, 400f) })
            Assert.Equal(plain.AlongMetres(x, y), g.AlongMetres(x, y), 4);
        Assert.Equal(2f, g.ViewOffsetMetres, 4);
        Assert.Equal(3.2f, g.ViewLengthMetres, 4);
        Assert.Equal(400f, g.PixelsPerMetre, 1);
        Assert.Equal(1f, g.Direction.X, 4);
    }

    [Fact]
    public void A_perspective_homography_maps_far_pixels_to_longer_distances()
    {
        // Camera at an angle: w grows with y, so one pixel at the bottom of the image covers less belt than at the top.
        var o = TestBelt.Options();
        o.Direction = new PixelPoint { X = 0, Y = 1 };
        // along = 2 + (y / 400) / w, across = ((x - 640) / 400) / w, w = 1 + 0.002 y: the belt's centre line is x = 640.
        o.Homography = new[] { 0, 1 / 400f + 2 * 0.002f, 2, 1 / 400f, 0, -1.6f, 0, 0.002f, 1 };
        var g = BeltGeometry.Create(o);
        float Along(float x, float y) => 2 + y / 400f / (0.002f * y + 1);
        Assert.Equal(Along(640, 100), g.AlongMetres(640, 100), 4);
        Assert.Equal(Along(640, 400), g.AlongMetres(640, 400), 4);
        Assert.True(g.Direction.Y > 0.999f, $"direction {g.Direction}");
        Assert.True(Along(640, 400) - Along(640, 300) < Along(640, 200) - Along(640, 100), "far rows should cover more belt per pixel");
        Assert.Equal(Along(640, 100), g.ViewOffsetMetres, 4);
        // Scale at the centre (y = 250): d along / dy = (1/400) / w^2.
        Assert.Equal(400f * 1.5f * 1.5f, g.PixelsPerMetre, 0);
    }

    [Fact]
    public void A_homography_that_flips_over_the_polygon_is_rejected()
    {
        var o = TestBelt.Options();
        o.Homography = new[] { 1 / 400f, 0, 2, 0, 1 / 400f, 0, 0, 0.01f, -2 }; // w = 0.01 y - 2: negative at y=100, positive at y=400
        var ex = Assert.Throws<BeltGeometryException>(() => BeltGeometry.Create(o));
        Assert.Contains("behind the camera", ex.Message);
        o.Homography = new float[8];
        Assert.Contains("9 are needed", Assert.Throws<BeltGeometryException>(() => BeltGeometry.Create(o)).Message);
    }
}
