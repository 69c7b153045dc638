using TriVision.Core.Detections;

namespace TriVision.Core.Tests;

public class BoxFTests
{
    [Fact]
    public void IoU_of_half_overlapping_unit_squares_is_one_third()
    {
        var a = new BoxF(0, 0, 2, 2);
        var b = new BoxF(1, 0, 3, 2);
        Assert.Equal(2f / 6f, a.IoU(b), 5);
    }

    [Fact]
    public void IoU_of_disjoint_boxes_is_zero() =>
        Assert.Equal(0f, new BoxF(0, 0, 1, 1).IoU(new BoxF(2, 2, 3, 3)));

    [Fact]
    public void FromCenter_round_trips()
    {
        var b = BoxF.FromCenter(10, 20, 4, 6);
        Assert.Equal(new BoxF(8, 17, 12, 23), b);
        Assert.Equal(10, b.CenterX);
        Assert.Equal(24, b.Area);
    }
}
