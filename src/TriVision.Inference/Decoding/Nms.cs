using TriVision.Core.Detections;

namespace TriVision.Inference.Decoding;

/// <summary>
/// Greedy non-maximum suppression over spans: visit candidates by descending score, keep one,
/// drop every later candidate (of the same class, unless class-agnostic) whose IoU with it is
/// above the threshold. Same rule as torchvision's <c>batched_nms</c> that Ultralytics calls.
/// The caller owns every buffer, so nothing is allocated.
/// </summary>
public static class Nms
{
    /// <summary>
    /// Fills <paramref name="order"/> (length n) with 0..n-1 sorted by descending score.
    /// <paramref name="keyScratch"/> (length n) is overwritten. Ties keep no particular order.
    /// </summary>
    public static void SortByScore(ReadOnlySpan<float> scores, Span<int> order, Span<float> keyScratch)
    {
        int n = scores.Length;
        if (order.Length < n || keyScratch.Length < n)
            throw new ArgumentException($"Order and key scratch need {n} entries each.");
        order = order[..n];
        keyScratch = keyScratch[..n];
        for (int i = 0; i < n; i++)
        {
            keyScratch[i] = -scores[i];
            order[i] = i;
        }
        keyScratch.Sort(order);
    }

    /// <summary>
    /// Runs suppression over candidates visited in <paramref name="order"/> (best first) and writes
    /// the indices it keeps, best first, into <paramref name="kept"/>; stops once
    /// <paramref name="kept"/> is full. <paramref name="suppressedScratch"/> needs order.Length
    /// entries. Returns the number kept.
    /// </summary>
    public static int Suppress(ReadOnlySpan<BoxF> boxes, ReadOnlySpan<int> classIds, ReadOnlySpan<int> order,
        float iouThreshold, bool classAgnostic, Span<int> kept, Span<bool> suppressedScratch)
    {
        int n = order.Length;
        if (suppressedScratch.Length < n)
            throw new ArgumentException($"Suppressed scratch needs {n} entries.", nameof(suppressedScratch));
        if (!classAgnostic && classIds.Length < boxes.Length)
            throw new ArgumentException("Class-aware suppression needs a class id per box.", nameof(classIds));
        Span<bool> suppressed = suppressedScratch[..n];
        suppressed.Clear();

        int count = 0;
        for (int i = 0; i < n && count < kept.Length; i++)
        {
            if (suppressed[i]) continue;
            int bi = order[i];
            kept[count++] = bi;
            BoxF box = boxes[bi];
            float area = box.Area;
            int cls = classAgnostic ? 0 : classIds[bi];
            for (int j = i + 1; j < n; j++)
            {
                if (suppressed[j]) continue;
                int bj = order[j];
                if (!classAgnostic && classIds[bj] != cls) continue;
                if (Overlap(box, area, boxes[bj]) > iouThreshold) suppressed[j] = true;
            }
        }
        return count;
    }

    /// <summary>Sort then suppress; see <see cref="SortByScore"/> and <see cref="Suppress"/> for the scratch sizes.</summary>
    public static int Run(ReadOnlySpan<BoxF> boxes, ReadOnlySpan<float> scores, ReadOnlySpan<int> classIds,
        float iouThreshold, bool classAgnostic, Span<int> kept,
        Span<int> orderScratch, Span<float> keyScratch, Span<bool> suppressedScratch)
    {
        if (scores.Length != boxes.Length)
            throw new ArgumentException("One score per box is needed.", nameof(scores));
        SortByScore(scores, orderScratch, keyScratch);
        return Suppress(boxes, classIds, orderScratch[..boxes.Length], iouThreshold, classAgnostic, kept, suppressedScratch);
    }

    // BoxF.IoU recomputes the kept box's area for every comparison; this is the hot loop.
    private static float Overlap(in BoxF a, float areaA, in BoxF b)
    {
        float iw = MathF.Min(a.X2, b.X2) - MathF.Max(a.X1, b.X1);
        if (iw <= 0f) return 0f;
        float ih = MathF.Min(a.Y2, b.Y2) - MathF.Max(a.Y1, b.Y1);
        if (ih <= 0f) return 0f;
        float inter = iw * ih;
        float union = areaA + b.Area - inter;
        return union > 0f ? inter / union : 0f;
    }
}
