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
}
