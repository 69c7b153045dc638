using TriVision.Core.Detections;

namespace TriVision.Inference.Evaluation;

/// <summary>
/// COCO-style detection evaluation, fed one image at a time (ground truth and predictions in the same
/// pixel space). Per class and IoU threshold, each image's detections are taken in descending score
/// order (at most <c>maxDetectionsPerClass</c>) and each is matched to the not-yet-matched ground-truth
/// box of the same class that it overlaps most with IoU at least the threshold, exactly as pycocotools
/// does for boxes with area range "all"; AP is the 101-point interpolated precision over all images.
/// Precision and recall at the operating threshold use the IoU-0.5 matching; confusion counts match
/// boxes regardless of class. Not thread-safe: one evaluator per run.
/// </summary>
public sealed class DetectionEvaluator
{
    private readonly IReadOnlyList<string> _names;
    private readonly int _maxDetections;
    private readonly float _threshold;
    private readonly List<float>[] _scores;
    private readonly List<bool>[][] _truePositive; // [class][iou threshold] over detections, image by image
    private readonly int[] _groundTruth;
    private readonly int[][] _confusion;
    private int _images;

    /// <param name="classNames">Class names by index; predictions or labels outside the range are rejected.</param>
    /// <param name="operatingThreshold">Score threshold for precision, recall and confusion counts.</param>
    /// <param name="maxDetectionsPerClass">Per image and class, as COCO's maxDets = 100.</param>
    public DetectionEvaluator(IReadOnlyList<string> classNames, float operatingThreshold = 0.25f, int maxDetectionsPerClass = 100)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count == 0) throw new ArgumentException("at least one class is needed", nameof(classNames));
        if (!(operatingThreshold >= 0 && operatingThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(operatingThreshold), operatingThreshold, "must be in 0..1");
        if (maxDetectionsPerClass < 1) throw new ArgumentOutOfRangeException(nameof(maxDetectionsPerClass), maxDetectionsPerClass, "must be >= 1");
        _names = classNames;
        _threshold = operatingThreshold;
        _maxDetections = maxDetectionsPerClass;
        int nc = classNames.Count;
        int nt = CocoMetrics.IouThresholds.Length;
        _scores = new List<float>[nc];
        _truePositive = new List<bool>[nc][];
        _groundTruth = new int[nc];
        for (int c = 0; c < nc; c++)
        {
            _scores[c] = [];
            _truePositive[c] = new List<bool>[nt];
            for (int t = 0; t < nt; t++) _truePositive[c][t] = [];
        }
        _confusion = new int[nc + 1][];
        for (int i = 0; i <= nc; i++) _confusion[i] = new int[nc + 1];
    }

    /// <summary>Adds one image: its labelled objects and the detector's output (before any score threshold).</summary>
    public void AddImage(ReadOnlySpan<GroundTruthBox> groundTruth, ReadOnlySpan<Detection> predictions)
    {
        int nc = _names.Count;
        foreach (var g in groundTruth)
            if ((uint)g.ClassId >= (uint)nc) throw new ArgumentException($"ground-truth class {g.ClassId} outside 0..{nc - 1}", nameof(groundTruth));
        foreach (var p in predictions)
            if ((uint)p.ClassId >= (uint)nc) throw new ArgumentException($"predicted class {p.ClassId} outside 0..{nc - 1}", nameof(predictions));

        for (int c = 0; c < nc; c++) AddClass(c, groundTruth, predictions);
        AddConfusion(groundTruth, predictions);
        _images++;
    }

    private void AddClass(int c, ReadOnlySpan<GroundTruthBox> groundTruth, ReadOnlySpan<Detection> predictions)
    {
        var gts = new List<BoxF>();
        foreach (var g in groundTruth) if (g.ClassId == c) gts.Add(g.Box);
        var dets = new List<Detection>();
        foreach (var p in predictions) if (p.ClassId == c) dets.Add(p);
        SortByScoreStable(dets);
        if (dets.Count > _maxDetections) dets.RemoveRange(_maxDetections, dets.Count - _maxDetections);
        _groundTruth[c] += gts.Count;

        var thresholds = CocoMetrics.IouThresholds;
        var taken = new bool[gts.Count];
        var iou = new double[dets.Count, gts.Count];
        for (int d = 0; d < dets.Count; d++)
            for (int g = 0; g < gts.Count; g++)
                iou[d, g] = CocoMetrics.IoU(dets[d].Box, gts[g]);

        for (int t = 0; t < thresholds.Length; t++)
        {
            Array.Clear(taken);
            var tpList = _truePositive[c][t];
            for (int d = 0; d < dets.Count; d++)
            {
                // pycocotools: the best unmatched box with IoU >= threshold; a later box with equal IoU wins
                int best = -1;
                double bestIou = Math.Min(thresholds[t], 1 - 1e-10);
                for (int g = 0; g < gts.Count; g++)
                {
                    if (taken[g] || iou[d, g] < bestIou) continue;
                    bestIou = iou[d, g];
                    best = g;
                }
                if (best >= 0) taken[best] = true;
                tpList.Add(best >= 0);
            }
        }
        foreach (var d in dets) _scores[c].Add(d.Score);
    }

    private void AddConfusion(ReadOnlySpan<GroundTruthBox> groundTruth, ReadOnlySpan<Detection> predictions)
    {
        int background = _names.Count;
        var dets = new List<Detection>();
        foreach (var p in predictions) if (p.Score >= _threshold) dets.Add(p);
        SortByScoreStable(dets);
        var taken = new bool[groundTruth.Length];
        foreach (var d in dets)
        {
            int best = -1;
            double bestIou = 0.5;
            for (int g = 0; g < groundTruth.Length; g++)
            {
                if (taken[g]) continue;
                double v = CocoMetrics.IoU(d.Box, groundTruth[g].Box);
                // prefer a box of the predicted class when IoUs tie, so a correct detection is never counted as a confusion
                if (v > bestIou || (v == bestIou && v >= 0.5 && (best < 0 || groundTruth[g].ClassId == d.ClassId)))
                {
                    bestIou = v;
                    best = g;
                }
            }
            if (best >= 0)
            {
                taken[best] = true;
                _confusion[groundTruth[best].ClassId][d.ClassId]++;
            }
            else
            {
                _confusion[background][d.ClassId]++;
            }
        }
        for (int g = 0; g < groundTruth.Length; g++)
            if (!taken[g]) _confusion[groundTruth[g].ClassId][background]++;
    }

    /// <summary>Computes the metrics of everything added so far.</summary>
    public EvaluationResult Compute()
    {
        int nc = _names.Count;
        int nt = CocoMetrics.IouThresholds.Length;
        var perClass = new Dictionary<string, ClassMetrics>(nc, StringComparer.Ordinal);
        double sum50 = 0, sum5095 = 0;
        int counted = 0;
        for (int c = 0; c < nc; c++)
        {
            var scores = _scores[c];
            int n = scores.Count;
            // all images' detections of the class in descending score order; ties keep image order (mergesort)
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            var keys = new float[n];
            for (int i = 0; i < n; i++) keys[i] = -scores[i];
            StableSortByKey(keys, order);

            double? ap50 = null, ap5095 = null;
            if (_groundTruth[c] > 0)
            {
                var tp = new bool[n];
                double apSum = 0;
                for (int t = 0; t < nt; t++)
                {
                    var list = _truePositive[c][t];
                    for (int i = 0; i < n; i++) tp[i] = list[order[i]];
                    double ap = CocoMetrics.AveragePrecision(tp, _groundTruth[c]);
                    if (t == 0) ap50 = ap;
                    apSum += ap;
                }
                ap5095 = apSum / nt;
                sum50 += ap50!.Value;
                sum5095 += ap5095.Value;
                counted++;
            }

            int detections = 0, truePositives = 0;
            var tp50 = _truePositive[c][0];
            for (int i = 0; i < n; i++)
            {
                if (scores[i] < _threshold) continue;
                detections++;
                if (tp50[i]) truePositives++;
            }
            perClass[_names[c]] = new ClassMetrics
            {
                Ap50 = ap50,
                Ap50To95 = ap5095,
                Precision = detections > 0 ? (double)truePositives / detections : 0,
                Recall = _groundTruth[c] > 0 ? (double)truePositives / _groundTruth[c] : 0,
                Support = _groundTruth[c],
                Detections = detections,
                TruePositives = truePositives,
            };
        }

        var labels = new string[nc + 1];
        for (int c = 0; c < nc; c++) labels[c] = _names[c];
        labels[nc] = "background";
        var counts = new int[nc + 1][];
        for (int i = 0; i <= nc; i++) counts[i] = (int[])_confusion[i].Clone();
        return new EvaluationResult
        {
            Map50 = counted > 0 ? sum50 / counted : 0,
            Map50To95 = counted > 0 ? sum5095 / counted : 0,
            PerClass = perClass,
            OperatingThreshold = _threshold,
            Images = _images,
            Confusion = new ConfusionMatrix { Labels = labels, Counts = counts },
        };
    }

    private static void SortByScoreStable(List<Detection> dets)
    {
        var keys = new float[dets.Count];
        var idx = new int[dets.Count];
        for (int i = 0; i < dets.Count; i++)
        {
            keys[i] = -dets[i].Score;
            idx[i] = i;
        }
        StableSortByKey(keys, idx);
        var copy = dets.ToArray();
        for (int i = 0; i < idx.Length; i++) dets[i] = copy[idx[i]];
    }

    /// <summary>Sorts <paramref name="items"/> by <paramref name="keys"/> ascending, equal keys keeping their order.</summary>
    private static void StableSortByKey(float[] keys, int[] items)
    {
        // Array.Sort is introspective (unstable); make it stable by breaking ties on the original position
        var pos = new long[items.Length];
        for (int i = 0; i < pos.Length; i++) pos[i] = i;
        var k = new (float Key, long Pos)[items.Length];
        for (int i = 0; i < k.Length; i++) k[i] = (keys[i], pos[i]);
        Array.Sort(k, items);
        for (int i = 0; i < k.Length; i++) keys[i] = k[i].Key;
    }
}
