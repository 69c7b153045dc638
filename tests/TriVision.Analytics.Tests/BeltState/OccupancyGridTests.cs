using TriVision.Analytics.BeltState;
using TriVision.Analytics.Tests.Support;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Tests.BeltState;

public class OccupancyGridTests
{
    [Fact]
    public void Overlapping_boxes_count_once()
    {
        var grid = new OccupancyGrid(TestBelt.Create(), maxCellsPerSide: 128); // 10 px cells; belt 1280x300 px
        var one = grid.Update(new[] { new BoxF(0, 100, 320, 400) });
        Assert.Equal(0.25f, one, 3);
        // The same box twice plus a half-overlapping one: union is 480 px wide, not 800.
        var union = grid.Update(new[] { new BoxF(0, 100, 320, 400), new BoxF(0, 100, 320, 400), new BoxF(160, 100, 480, 400) });
        Assert.Equal(0.375f, union, 3);
    }

    [Fact]
    public void Boxes_outside_the_belt_do_not_count()
    {
        var grid = new OccupancyGrid(TestBelt.Create());
        Assert.Equal(0f, grid.Update(new[] { new BoxF(0, 0, 1280, 90), new BoxF(0, 410, 1280, 480) }));
    }

    [Fact]
    public void Low_score_detections_are_ignored_and_the_hot_spot_is_found()
    {
        var grid = new OccupancyGrid(TestBelt.Create(), maxCellsPerSide: 128, binLengthMetres: 0.5f);
        var dets = new[]
        {
            new Detection(new BoxF(800, 100, 1000, 400), 0.9f, 4), // 2 m + 2.0..2.5 m
            new Detection(new BoxF(0, 100, 200, 400), 0.1f, 4),
        };
        grid.Update(dets, minScore: 0.25f);
        Assert.Equal(200f / 1280f, grid.Occupancy, 3);
        Assert.Equal(4.0f, grid.HotSpot.StartMetres, 3);
        Assert.Equal(4.5f, grid.HotSpot.EndMetres, 3);
        Assert.Equal(1f, grid.HotSpot.Occupancy, 3);
    }
}
