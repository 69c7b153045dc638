using System.Text.Json;
using TriVision.Core.Detections;
using TriVision.Inference.Evaluation;

namespace TriVision.Inference.Tests.Evaluation;

public sealed class DetectionEvaluatorTests
{
    private static readonly string[] OneClass = ["gas_cylinder"];
    private static readonly string[] Three = ["gas_cylinder", "battery", "power_bank"];

    private static GroundTruthBox G(int c, float x1, float y1, float x2, float y2) => new(new BoxF(x1, y1, x2, y2), c);

    private static Detection D(int c, float score, float x1, float y1, float x2, float y2) => new(new BoxF(x1, y1, x2, y2), score, c);

    [Fact]
    public void TwoHitsAroundAFalsePositive()
    {
        // ranked: TP (0.9), FP (0.8), TP (0.7); 2 ground-truth boxes
        // recall    0.5, 0.5, 1.0      precision 1, 1/2, 2/3  -> envelope 1, 2/3, 2/3
        // recall points 0.00..0.50 (51 of them) reach the first detection: precision 1
        // recall points 0.51..1.00 (50) need the third: precision 2/3
        // AP = (51 * 1 + 50 * 2/3) / 101 = 0.8349835; IoUs are all 1, so AP@0.5:0.95 is the same
        var ev = new DetectionEvaluator(OneClass);
        ev.AddImage(
            [G(0, 0, 0, 10, 10), G(0, 20, 0, 30, 10)],
            [D(0, 0.9f, 0, 0, 10, 10), D(0, 0.8f, 50, 50, 60, 60), D(0, 0.7f, 20, 0, 30, 10)]);
        var r = ev.Compute();
        double expected = (51 + 50 * 2.0 / 3.0) / 101;
        Assert.Equal(expected, r.Map50, 12);
        Assert.Equal(expected, r.Map50To95, 12);
        Assert.Equal(expected, r.PerClass["gas_cylinder"].Ap50!.Value, 12);
        Assert.Equal(2, r.PerClass["gas_cylinder"].Support);
    }

    [Fact]
    public void ApAcrossIouThresholdsCountsOnlyThoseTheBoxClears()
    {
        // IoU = 100*72 / (100*100) = 0.72: a hit at 0.50, 0.55, 0.60, 0.65, 0.70 (AP 1), a miss at 0.75..0.95 (AP 0)
        // AP@0.5 = 1, AP@0.5:0.95 = 5/10 = 0.5
        var ev = new DetectionEvaluator(OneClass);
        ev.AddImage([G(0, 0, 0, 100, 100)], [D(0, 0.9f, 0, 0, 100, 72)]);
        var r = ev.Compute();
        Assert.Equal(1.0, r.Map50, 12);
        Assert.Equal(0.5, r.Map50To95, 12);
    }

    [Fact]
    public void DuplicateDetectionIsAFalsePositiveButDoesNotLowerApAtFullRecall()
    {
        // ranked: TP, FP (same box again); recall 1, 1; precision 1, 1/2 -> envelope 1, 1/2
        // every recall point is reached by the first detection: AP = 1
        var ev = new DetectionEvaluator(OneClass, operatingThreshold: 0.5f);
        ev.AddImage([G(0, 0, 0, 10, 10)], [D(0, 0.9f, 0, 0, 10, 10), D(0, 0.8f, 0, 0, 10, 10)]);
        var r = ev.Compute();
        Assert.Equal(1.0, r.Map50, 12);
        // at threshold 0.5 both detections count: precision 1/2, recall 1/1
        Assert.Equal(0.5, r.PerClass["gas_cylinder"].Precision, 12);
        Assert.Equal(1.0, r.PerClass["gas_cylinder"].Recall, 12);
    }

    [Fact]
    public void DetectionsOfAllImagesAreRankedTogether()
    {
        // image 1: hit at 0.6; image 2: miss at 0.9 and hit at 0.3
        // ranked over both images: FP 0.9, TP 0.6, TP 0.3
        // recall 0, 0.5, 1; precision 0, 1/2, 2/3 -> envelope 2/3, 2/3, 2/3 -> AP = 2/3
        var ev = new DetectionEvaluator(OneClass);
        ev.AddImage([G(0, 0, 0, 10, 10)], [D(0, 0.6f, 0, 0, 10, 10)]);
        ev.AddImage([G(0, 0, 0, 10, 10)], [D(0, 0.9f, 40, 40, 50, 50), D(0, 0.3f, 0, 0, 10, 10)]);
        var r = ev.Compute();
        Assert.Equal(2.0 / 3.0, r.Map50, 12);
        Assert.Equal(2, r.Images);
    }

    [Fact]
    public void EachDetectionTakesTheBoxItOverlapsMost()
    {
        // A = (0,0,10,10), B = (3,0,13,10). The first detection is exactly B; it also overlaps A with
        // IoU 70/130 = 0.54. Taking the best overlap gives it B, and the second detection (exactly A) gets A:
        // two hits with IoU 1 at every threshold, AP@0.5:0.95 = 1. Taking the first box above 0.5 instead
        // would leave the second detection B at IoU 0.67 and lose it from 0.70 up.
        var ev = new DetectionEvaluator(OneClass);
        ev.AddImage([G(0, 0, 0, 10, 10), G(0, 3, 0, 13, 10)], [D(0, 0.9f, 3, 0, 13, 10), D(0, 0.8f, 0, 0, 10, 10)]);
        Assert.Equal(1.0, ev.Compute().Map50To95, 12);
    }

    [Fact]
    public void ClassesWithoutGroundTruthAreLeftOutOfTheMean()
    {
        // class 0: one hit (AP 1); class 1: its only object missed, a detection elsewhere (AP 0);
        // class 2: no objects at all -> null, not counted. mAP = (1 + 0) / 2 = 0.5
        var ev = new DetectionEvaluator(Three);
        ev.AddImage(
            [G(0, 0, 0, 10, 10), G(1, 100, 100, 120, 110)],
            [D(0, 0.9f, 0, 0, 10, 10), D(1, 0.8f, 200, 200, 220, 210)]);
        var r = ev.Compute();
        Assert.Equal(0.5, r.Map50, 12);
        Assert.Equal(0.0, r.PerClass["battery"].Ap50!.Value, 12);
        Assert.Null(r.PerClass["power_bank"].Ap50);
        Assert.Equal(0, r.PerClass["power_bank"].Support);
    }

    [Fact]
    public void OnlyTheBestHundredDetectionsPerClassAndImageCount()
    {
        // 100 misses scoring 0.9 then a hit at 0.5: COCO's maxDets=100 drops the hit, AP = 0
        var dets = new Detection[101];
        for (int i = 0; i < 100; i++) dets[i] = D(0, 0.9f, 500 + i, 500, 510 + i, 510);
        dets[100] = D(0, 0.5f, 0, 0, 10, 10);
        var ev = new DetectionEvaluator(OneClass);
        ev.AddImage([G(0, 0, 0, 10, 10)], dets);
        Assert.Equal(0.0, ev.Compute().Map50, 12);
    }

    [Fact]
    public void ConfusionCountsMatchBoxesRegardlessOfClass()
    {
        // truth: cylinder at A, battery at B, battery at C (missed)
        // predictions above 0.25: battery on A (cylinder taken for battery), battery on B (right),
        // cylinder on empty belt (background taken for cylinder); 0.1 on C is below the threshold
        var ev = new DetectionEvaluator(Three);
        ev.AddImage(
            [G(0, 0, 0, 10, 10), G(1, 20, 0, 30, 10), G(1, 40, 0, 50, 10)],
            [D(1, 0.9f, 0, 0, 10, 10), D(1, 0.8f, 20, 0, 30, 10), D(0, 0.7f, 60, 60, 70, 70), D(1, 0.1f, 40, 0, 50, 10)]);
        var r = ev.Compute();
        var m = r.Confusion;
        Assert.Equal(["gas_cylinder", "battery", "power_bank", "background"], m.Labels);
        Assert.Equal(1, m[0, 1]);
        Assert.Equal(1, m[1, 1]);
        Assert.Equal(1, m[1, 3]);
        Assert.Equal(1, m[3, 0]);
        Assert.Equal(0, m[0, 0]);
        int total = 0;
        foreach (var row in m.Counts) foreach (int v in row) total += v;
        Assert.Equal(4, total);
        // battery at 0.25: 2 detections, 1 matches a battery -> precision 1/2; 1 of 2 batteries found -> recall 1/2
        Assert.Equal(0.5, r.PerClass["battery"].Precision, 12);
        Assert.Equal(0.5, r.PerClass["battery"].Recall, 12);
        // cylinder: its one detection is on empty belt -> precision 0; its one object not found -> recall 0
        Assert.Equal(0.0, r.PerClass["gas_cylinder"].Recall, 12);
    }

    [Fact]
    public void JsonHasTheStableTopLevelShape()
    {
        var ev = new DetectionEvaluator(Three);
        ev.AddImage([G(0, 0, 0, 10, 10)], [D(0, 0.9f, 0, 0, 10, 10)]);
        using var doc = JsonDocument.Parse(ev.Compute().ToJson());
        var root = doc.RootElement;
        Assert.Equal(1.0, root.GetProperty("map50").GetDouble(), 12);
        Assert.Equal(1.0, root.GetProperty("map50_95").GetDouble(), 12);
        var cyl = root.GetProperty("per_class").GetProperty("gas_cylinder");
        foreach (string key in (string[])["ap50", "ap50_95", "precision", "recall", "support"])
            Assert.True(cyl.TryGetProperty(key, out _), key);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("per_class").GetProperty("battery").GetProperty("ap50").ValueKind);
    }

    [Fact]
    public void RejectsClassesOutsideTheNames()
    {
        var ev = new DetectionEvaluator(OneClass);
        Assert.Throws<ArgumentException>(() => ev.AddImage([G(1, 0, 0, 1, 1)], []));
        Assert.Throws<ArgumentException>(() => ev.AddImage([], [D(-1, 0.5f, 0, 0, 1, 1)]));
    }

    [Fact]
    public void AveragePrecisionOfNothingFound()
    {
        Assert.Equal(0.0, CocoMetrics.AveragePrecision([], 3));
        Assert.Equal(-1.0, CocoMetrics.AveragePrecision([true], 0));
        Assert.Equal(101, CocoMetrics.RecallPoints.Length);
        Assert.Equal(0.95, CocoMetrics.IouThresholds[^1]);
    }
}
