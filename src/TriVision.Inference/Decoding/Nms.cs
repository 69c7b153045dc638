using TriVision.Core.Detections;

namespace TriVision.Inference.Decoding;

/// <summary>
/// Greedy non-maximum suppression over spans: visit candidates by descending score, keep one,
/// drop every later candidate (of the same class, unless class-agnostic) whose IoU with it is
/// above the threshold. Same rule as torchvision's <c>batched_nms</c> that Ultralytics calls.
/// The caller owns every buffer (see <see cref="NmsScratch"/>), so nothing is allocated.
/// </summary>
/// <remarks>
/// Class-aware suppression links each candidate to the next one of its class (in score order)
/// and unlinks suppressed ones, so a kept box is compared only with the live candidates of its
/// own class: 8,400 candidates over 80 classes cost ~n·n/80 comparisons instead of n·n.
/// </remarks>
public static class Nms
{
    /// <summary>Class ids up to this value get the per-class linked lists; larger ids fall back to a plain scan.</summary>
    public const int MaxLinkedClassId = 4095;

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
    /// <paramref name="kept"/> is full. Both scratch spans need order.Length entries. Returns the
    /// number kept.
    /// </summary>
    public static int Suppress(ReadOnlySpan<BoxF> boxes, ReadOnlySpan<int> classIds, ReadOnlySpan<int> order,
        float iouThreshold, bool classAgnostic, Span<int> kept, Span<bool> suppressedScratch, Span<int> nextScratch)
    {
        int n = order.Length;
        if (suppressedScratch.Length < n || nextScratch.Length < n)
            throw new ArgumentException($"Suppressed and next scratch need {n} entries each.");
        if (!classAgnostic && classIds.Length < boxes.Length)
            throw new ArgumentException("Class-aware suppression needs a class id per box.", nameof(classIds));
        Span<bool> suppressed = suppressedScratch[..n];
        Span<int> next = nextScratch[..n];
        suppressed.Clear();
        if (!Link(classIds, order, classAgnostic, next))
            return SuppressByScan(boxes, classIds, order, iouThreshold, kept, suppressed);

        int count = 0;
        for (int i = 0; i < n && count < kept.Length; i++)
        {
            if (suppressed[i]) continue;
            int bi = order[i];
            kept[count++] = bi;
            BoxF box = boxes[bi];
            float area = box.Area;
            int prev = i;
            for (int j = next[i]; j >= 0; j = next[j])
            {
                if (Overlap(box, area, boxes[order[j]]) > iouThreshold)
                {
                    suppressed[j] = true;
                    next[prev] = next[j];
                }
                else
                {
                    prev = j;
                }
            }
        }
        return count;
    }

    /// <summary>Sort then suppress, with the scratch buffers of <paramref name="scratch"/>.</summary>
    public static int Run(ReadOnlySpan<BoxF> boxes, ReadOnlySpan<float> scores, ReadOnlySpan<int> classIds,
        float iouThreshold, bool classAgnostic, Span<int> kept, NmsScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (scores.Length != boxes.Length)
            throw new ArgumentException("One score per box is needed.", nameof(scores));
        if (boxes.Length > scratch.Capacity)
            throw new ArgumentException($"{boxes.Length} candidates exceed the scratch capacity of {scratch.Capacity}.", nameof(boxes));
        Span<int> order = scratch.Order[..boxes.Length];
        SortByScore(scores, order, scratch.Keys);
        return Suppress(boxes, classIds, order, iouThreshold, classAgnostic, kept, scratch.Suppressed, scratch.Next);
    }

    // next[p] = the next position after p (in score order) that suppression must compare with p,
    // -1 at the end: the next one of the same class, or simply p+1 when class-agnostic.
    private static bool Link(ReadOnlySpan<int> classIds, ReadOnlySpan<int> order, bool classAgnostic, Span<int> next)
    {
        int n = order.Length;
        if (classAgnostic)
        {
            for (int p = 0; p < n; p++) next[p] = p + 1 < n ? p + 1 : -1;
            return true;
        }
        int maxClass = 0;
        for (int p = 0; p < n; p++)
        {
            int c = classIds[order[p]];
            if ((uint)c > MaxLinkedClassId) return false;
            maxClass = Math.Max(maxClass, c);
        }
        Span<int> last = stackalloc int[maxClass + 1];
        last.Fill(-1);
        for (int p = n - 1; p >= 0; p--)
        {
            int c = classIds[order[p]];
            next[p] = last[c];
            last[c] = p;
        }
        return true;
    }

    // Fallback for class ids too large for the link table: compare with every later candidate.
    private static int SuppressByScan(ReadOnlySpan<BoxF> boxes, ReadOnlySpan<int> classIds, ReadOnlySpan<int> order,
        float iouThreshold, Span<int> kept, Span<bool> suppressed)
    {
        int n = order.Length;
        int count = 0;
        for (int i = 0; i < n && count < kept.Length; i++)
        {
            if (suppressed[i]) continue;
            int bi = order[i];
            kept[count++] = bi;
            BoxF box = boxes[bi];
            float area = box.Area;
            int cls = classIds[bi];
            for (int j = i + 1; j < n; j++)
            {
                if (suppressed[j]) continue;
                int bj = order[j];
                if (classIds[bj] != cls) continue;
                if (Overlap(box, area, boxes[bj]) > iouThreshold) suppressed[j] = true;
            }
        }
        return count;
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
