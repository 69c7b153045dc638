using TriVision.Inference.Decoding;

namespace TriVision.Inference.Tests.Decoding;

public class OutputLayoutDetectorTests
{
    [Theory]
    [InlineData(new long[] { 1, 84, 8400 }, 80, OutputLayout.YoloV8)]
    [InlineData(new long[] { 1, 84, 8400 }, 0, OutputLayout.YoloV8)]
    [InlineData(new long[] { 84, 8400 }, 0, OutputLayout.YoloV8)]
    [InlineData(new long[] { 1, 5, 8400 }, 1, OutputLayout.YoloV8)]
    [InlineData(new long[] { 1, 25200, 85 }, 80, OutputLayout.YoloV5)]
    [InlineData(new long[] { 1, 25200, 85 }, 0, OutputLayout.YoloV5)]
    [InlineData(new long[] { 1, 300, 6 }, 80, OutputLayout.EndToEnd)]
    [InlineData(new long[] { 1, 300, 6 }, 0, OutputLayout.EndToEnd)]
    // one-class YOLOv5 and end-to-end share [1, N, 6]: N decides
    [InlineData(new long[] { 1, 300, 6 }, 1, OutputLayout.EndToEnd)]
    [InlineData(new long[] { 1, 25200, 6 }, 1, OutputLayout.YoloV5)]
    [InlineData(new long[] { 1, 25200, 6 }, 0, OutputLayout.YoloV5)]
    // small N: fewer candidates than channels only works with the class count
    [InlineData(new long[] { 1, 84, 50 }, 80, OutputLayout.YoloV8)]
    [InlineData(new long[] { 1, 20, 85 }, 80, OutputLayout.YoloV5)]
    public void Detects(long[] shape, int classCount, OutputLayout expected)
    {
        Assert.Equal(expected, OutputLayoutDetector.Detect(shape, classCount > 0 ? classCount : null));
    }

    [Fact]
    public void Small_n_without_class_count_is_read_by_the_longer_axis()
    {
        // [1, 84, 50] without metadata looks like YOLOv5 with 45 classes: the override fixes it.
        Assert.Equal(OutputLayout.YoloV5, OutputLayoutDetector.Detect([1, 84, 50], null));
        Assert.Equal(OutputLayout.YoloV8, OutputLayoutDetector.Detect([1, 84, 50], null, OutputLayout.YoloV8));
    }

    [Fact]
    public void Override_wins_for_the_ambiguous_six_column_shape()
    {
        Assert.Equal(OutputLayout.YoloV5, OutputLayoutDetector.Detect([1, 300, 6], 1, OutputLayout.YoloV5));
        Assert.Equal(OutputLayout.EndToEnd, OutputLayoutDetector.Detect([1, 25200, 6], 1, OutputLayout.EndToEnd));
    }

    [Fact]
    public void Unknown_layout_message_shows_the_shape_and_the_accepted_layouts()
    {
        var ex = Assert.Throws<UnsupportedOutputLayoutException>(() => OutputLayoutDetector.Detect([1, 3, 224, 224], null));
        Assert.Contains("[1, 3, 224, 224]", ex.Message);
        Assert.Contains("rank 4", ex.Message);
        Assert.Contains("[1, 4+nc, N]", ex.Message);
        Assert.Contains("[1, N, 5+nc]", ex.Message);
        Assert.Contains("[1, N, 6]", ex.Message);
    }

    [Theory]
    [InlineData(new long[] { 1, 1000 }, 0)]        // classifier logits: 1000 columns, 1 row
    [InlineData(new long[] { 1, 84, 8400 }, 3)]    // class count from metadata disagrees
    [InlineData(new long[] { 2, 84, 8400 }, 80)]   // batch of 2
    [InlineData(new long[] { 1, -1, 8400 }, 80)]   // dynamic dimension
    [InlineData(new long[] { 1, 50, 50 }, 0)]      // square, no class count
    public void Rejects(long[] shape, int classCount)
    {
        var ex = Assert.Throws<UnsupportedOutputLayoutException>(() => OutputLayoutDetector.Detect(shape, classCount > 0 ? classCount : null));
        Assert.Contains("[" + string.Join(", ", shape) + "]", ex.Message);
    }

    [Fact]
    public void Override_that_does_not_fit_the_shape_is_rejected()
    {
        var ex = Assert.Throws<UnsupportedOutputLayoutException>(() => OutputLayoutDetector.Detect([1, 84, 8400], 80, OutputLayout.EndToEnd));
        Assert.Contains("EndToEnd", ex.Message);
    }
}
