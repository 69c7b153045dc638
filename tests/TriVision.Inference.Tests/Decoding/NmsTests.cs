using TriVision.Core.Detections;
using TriVision.Inference.Decoding;

namespace TriVision.Inference.Tests.Decoding;

public class NmsTests
{
    // Hand-computed: IoU(A,B) = 81 / 119 = 0.681; IoU(A,C) = 25 / 175 = 0.143; D is apart;
    // E is A's box in another class.
    private static readonly BoxF[] Boxes =
    [
        new(0, 0, 10, 10),   // 0 A
        new(1, 1, 11, 11),   // 1 B
        new(5, 5, 15, 15),   // 2 C
        new(20, 20, 30, 30), // 3 D
        new(0, 0, 10, 10),   // 4 E
    ];
    private static readonly float[] Scores = [0.8f, 0.9f, 0.7f, 0.6f, 0.5f];
    private static readonly int[] Classes = [0, 0, 0, 0, 1];

    private static int[] Run(float iou, bool agnostic, int maxKeep = 10)
    {
        var kept = new int[maxKeep];
        int n = Nms.Run(Boxes, Scores, Classes, iou, agnostic, kept, new NmsScratch(5));
        return kept[..n];
    }

    [Fact]
    public void Class_aware_keeps_the_best_of_each_overlapping_group_and_other_classes()
    {
        // B (0.9) beats A (0.8, IoU 0.68 > 0.45); C and D survive; E is another class.
        Assert.Equal([1, 2, 3, 4], Run(0.45f, agnostic: false));
    }

    [Fact]
    public void Threshold_is_strict_overlap_above_it()
    {
        // 0.681 is below 0.7, so A survives too.
        Assert.Equal([1, 0, 2, 3, 4], Run(0.7f, agnostic: false));
    }

    [Fact]
    public void Class_agnostic_suppresses_across_classes()
    {
        // E overlaps B by 0.681 and goes; C: IoU(B,C) = 36 / 164 = 0.22 stays.
        Assert.Equal([1, 2, 3], Run(0.45f, agnostic: true));
    }

    [Fact]
    public void Stops_when_the_keep_buffer_is_full()
    {
        Assert.Equal([1, 2], Run(0.45f, agnostic: false, maxKeep: 2));
    }

    [Fact]
    public void Sort_orders_by_descending_score()
    {
        var order = new int[5];
        Nms.SortByScore(Scores, order, new float[5]);
        Assert.Equal([1, 0, 2, 3, 4], order);
    }

    [Fact]
    public void Huge_class_ids_take_the_scan_path_with_the_same_result()
    {
        int[] classes = [5000, 5000, 5000, 5000, 9999];
        var kept = new int[10];
        int n = Nms.Run(Boxes, Scores, classes, 0.45f, classAgnostic: false, kept, new NmsScratch(5));
        Assert.Equal([1, 2, 3, 4], kept[..n]);
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 4)]
    [InlineData(false, 1)]
    public void Agrees_with_a_brute_force_reference_on_random_crowds(bool agnostic, int classCount)
    {
        var rnd = new Random(11 + classCount);
        const int n = 1500;
        var boxes = new BoxF[n];
        var scores = new float[n];
        var classes = new int[n];
        for (int i = 0; i < n; i++)
        {
            float x = rnd.NextSingle() * 300, y = rnd.NextSingle() * 300;
            boxes[i] = new BoxF(x, y, x + 10 + rnd.NextSingle() * 60, y + 10 + rnd.NextSingle() * 60);
            scores[i] = rnd.NextSingle();
            classes[i] = rnd.Next(classCount);
        }
        var kept = new int[n];
        int count = Nms.Run(boxes, scores, classes, 0.5f, agnostic, kept, new NmsScratch(n));

        // Reference: the textbook loop, indices sorted by score with LINQ, BoxF.IoU.
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToList();
        var expected = new List<int>();
        var dead = new bool[n];
        foreach (int i in order)
        {
            if (dead[i]) continue;
            expected.Add(i);
            foreach (int j in order)
            {
                if (j != i && !dead[j] && (agnostic || classes[j] == classes[i]) && boxes[i].IoU(boxes[j]) > 0.5f)
                    dead[j] = dead[j] || scores[j] <= scores[i];
            }
        }
        Assert.Equal(expected, kept[..count]);
    }
}
