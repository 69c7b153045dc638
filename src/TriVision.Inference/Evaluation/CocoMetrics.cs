namespace TriVision.Inference.Evaluation;

/// <summary>
/// The arithmetic of COCO box evaluation (pycocotools, area "all"), shared by the evaluator and its tests.
/// Thresholds are built the way numpy's <c>linspace</c> builds them (start + i * step, last = stop) so that
/// a recall that lands exactly on a sample point is treated as pycocotools treats it.
/// </summary>
public static class CocoMetrics
{
    /// <summary>IoU thresholds 0.50, 0.55, ..., 0.95.</summary>
    public static ReadOnlySpan<double> IouThresholds => s_iouThresholds;

    /// <summary>Recall sample points 0.00, 0.01, ..., 1.00.</summary>
    public static ReadOnlySpan<double> RecallPoints => s_recallPoints;

    private static readonly double[] s_iouThresholds = Linspace(0.5, 0.95, 10);
    private static readonly double[] s_recallPoints = Linspace(0.0, 1.0, 101);

    /// <summary>IoU in double precision, boxes with zero or negative size have no area (no +1 pixel rule).</summary>
    public static double IoU(in TriVision.Core.Detections.BoxF a, in TriVision.Core.Detections.BoxF b)
    {
        double iw = Math.Min((double)a.X2, b.X2) - Math.Max((double)a.X1, b.X1);
        double ih = Math.Min((double)a.Y2, b.Y2) - Math.Max((double)a.Y1, b.Y1);
        if (iw <= 0 || ih <= 0) return 0;
        double inter = iw * ih;
        double areaA = Math.Max(0, (double)a.X2 - a.X1) * Math.Max(0, (double)a.Y2 - a.Y1);
        double areaB = Math.Max(0, (double)b.X2 - b.X1) * Math.Max(0, (double)b.Y2 - b.Y1);
        double union = areaA + areaB - inter;
        return union > 0 ? inter / union : 0;
    }

    /// <summary>
    /// 101-point interpolated average precision of one class at one IoU threshold.
    /// <paramref name="truePositive"/> holds, for every detection of the class over all images in
    /// descending score order, whether it matched a ground-truth box. Returns -1 when the class has
    /// no ground truth (COCO leaves such classes out of the mean).
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<bool> truePositive, int groundTruthCount)
    {
        if (groundTruthCount <= 0) return -1;
        int n = truePositive.Length;
        if (n == 0) return 0;
        var precision = new double[n];
        var recall = new double[n];
        double tp = 0, fp = 0;
        for (int i = 0; i < n; i++)
        {
            if (truePositive[i]) tp++;
            else fp++;
            recall[i] = tp / groundTruthCount;
            precision[i] = tp / Math.Max(tp + fp, double.Epsilon);
        }
        // precision envelope: the best precision at this recall or any higher recall
        for (int i = n - 1; i > 0; i--)
            if (precision[i] > precision[i - 1]) precision[i - 1] = precision[i];
        double sum = 0;
        int j = 0;
        foreach (double r in s_recallPoints)
        {
            // first detection whose recall reaches r (numpy searchsorted, side="left")
            while (j < n && recall[j] < r) j++;
            if (j == n) break;
            sum += precision[j];
        }
        return sum / s_recallPoints.Length;
    }

    private static double[] Linspace(double start, double stop, int count)
    {
        var v = new double[count];
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) v[i] = i * step + start;
        v[count - 1] = stop;
        return v;
    }
}
