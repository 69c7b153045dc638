using System.Numerics;
using System.Runtime.InteropServices;
using TriVision.Core.Detections;
using TriVision.Inference.Preprocessing;

namespace TriVision.Inference.Decoding;

/// <summary>
/// Turns one detection output tensor into detections in source-frame pixels: score filter
/// (per-class thresholds), class-aware NMS in model-input pixels (as Ultralytics does), the
/// <see cref="DecoderOptions.MaxDetections"/> cap, then the inverse letterbox mapping.
/// </summary>
/// <remarks>
/// One instance per output shape. All scratch is allocated in the constructor, so
/// <see cref="Decode"/> allocates nothing. Not thread-safe.
/// Scores: YOLOv8 takes the best class score; YOLOv5 objectness × best class score; end-to-end
/// the score column as is. A candidate passes when its score is above the threshold of its
/// (best) class. End-to-end outputs are already suppressed by the model, so they skip NMS.
/// </remarks>
public sealed class DetectionDecoder
{
    private readonly OutputLayout _layout;
    private readonly int _a;
    private readonly int _b;
    private readonly int _n;
    private readonly int _classCount;
    private readonly float _iou;
    private readonly bool _agnostic;
    private readonly int _maxDetections;
    private readonly float _defaultThreshold;
    private readonly float[] _thresholds;
    private readonly float _minThreshold;

    private readonly float[] _best;
    private readonly int[] _bestClass;
    private readonly BoxF[] _boxes;
    private readonly float[] _scores;
    private readonly int[] _classes;
    private readonly NmsScratch _nms;
    private readonly int[] _kept;

    public DetectionDecoder(OutputLayout layout, ReadOnlySpan<long> outputShape, int classCount, DecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // Checks the shape against the layout (and the class count when given); throws when they disagree.
        OutputLayoutDetector.Detect(outputShape, classCount > 0 ? classCount : null, layout);
        (_a, _b) = OutputLayoutDetector.Dimensions(outputShape, null);
        _layout = layout;
        _n = OutputLayoutDetector.CandidateCountOf(layout, outputShape);
        _classCount = layout == OutputLayout.EndToEnd ? Math.Max(classCount, 0) : OutputLayoutDetector.ClassCountOf(layout, outputShape);

        _iou = options.IouThreshold;
        _agnostic = options.ClassAgnosticNms;
        _maxDetections = options.MaxDetections;
        _defaultThreshold = options.ScoreThreshold;
        _thresholds = options.PerClassThreshold is { } per ? (float[])per.Clone() : [];
        float min = _defaultThreshold;
        foreach (float t in _thresholds) min = MathF.Min(min, t);
        _minThreshold = min;

        _best = layout == OutputLayout.YoloV8 ? new float[_n] : [];
        _bestClass = layout == OutputLayout.YoloV8 ? new int[_n] : [];
        _boxes = new BoxF[_n];
        _scores = new float[_n];
        _classes = new int[_n];
        _nms = new NmsScratch(_n);
        _kept = new int[_maxDetections];
    }

    /// <summary>Detects the layout from the shape (or takes <see cref="DecoderOptions.Layout"/>) and builds a decoder.</summary>
    public static DetectionDecoder Create(ReadOnlySpan<long> outputShape, int? classCount, DecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OutputLayout layout = OutputLayoutDetector.Detect(outputShape, classCount, options.Layout);
        return new DetectionDecoder(layout, outputShape, classCount ?? 0, options);
    }

    public OutputLayout Layout => _layout;

    /// <summary>Classes the output scores (0 for an end-to-end output built without a class count).</summary>
    public int ClassCount => _classCount;

    /// <summary>Candidates per output (N).</summary>
    public int CandidateCount => _n;

    /// <summary>Floats one output holds.</summary>
    public int OutputLength => _a * _b;

    /// <summary>
    /// Decodes <paramref name="output"/> into <paramref name="results"/>, best score first, boxes in
    /// source pixels through <paramref name="map"/>. Returns how many were written (at most
    /// MaxDetections and results.Length).
    /// </summary>
    public int Decode(ReadOnlySpan<float> output, in LetterboxTransform map, Span<Detection> results)
    {
        if (output.Length < OutputLength)
            throw new ArgumentException($"Output holds {output.Length} floats, a [1, {_a}, {_b}] tensor needs {OutputLength}.", nameof(output));
        int candidates = _layout switch
        {
            OutputLayout.YoloV8 => CollectYoloV8(output),
            OutputLayout.YoloV5 => CollectYoloV5(output),
            _ => CollectEndToEnd(output),
        };
        if (candidates == 0) return 0;

        int limit = Math.Min(_maxDetections, results.Length);
        Span<int> kept = _kept.AsSpan(0, limit);
        int count;
        if (_layout == OutputLayout.EndToEnd)
        {
            Span<int> order = _nms.Order[..candidates];
            Nms.SortByScore(_scores.AsSpan(0, candidates), order, _nms.Keys);
            count = Math.Min(limit, candidates);
            order[..count].CopyTo(kept);
        }
        else
        {
            count = Nms.Run(_boxes.AsSpan(0, candidates), _scores.AsSpan(0, candidates), _classes.AsSpan(0, candidates), _iou, _agnostic, kept, _nms);
        }

        for (int k = 0; k < count; k++)
        {
            int i = kept[k];
            results[k] = new Detection(map.ToSource(_boxes[i]), _scores[i], _classes[i]);
        }
        return count;
    }

    private float ThresholdOf(int classId) =>
        (uint)classId < (uint)_thresholds.Length ? _thresholds[classId] : _defaultThreshold;

    // [4+nc, N]: one row per attribute. The arg-max over classes walks the rows (contiguous) with
    // SIMD instead of striding N floats per class for each candidate.
    private int CollectYoloV8(ReadOnlySpan<float> output)
    {
        int n = _n;
        Span<float> best = _best;
        Span<int> bestClass = _bestClass;
        output.Slice(4 * n, n).CopyTo(best);
        bestClass.Clear();
        for (int c = 1; c < _classCount; c++)
        {
            ReadOnlySpan<float> row = output.Slice((4 + c) * n, n);
            int i = 0;
            if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
            {
                var vc = new Vector<int>(c);
                ref float rRow = ref MemoryMarshal.GetReference(row);
                ref float rBest = ref MemoryMarshal.GetReference(best);
                ref int rCls = ref MemoryMarshal.GetReference(bestClass);
                int last = n - Vector<float>.Count;
                for (; i <= last; i += Vector<float>.Count)
                {
                    var v = Vector.LoadUnsafe(ref rRow, (nuint)i);
                    var vb = Vector.LoadUnsafe(ref rBest, (nuint)i);
                    Vector<int> gt = Vector.GreaterThan(v, vb);
                    if (gt == Vector<int>.Zero) continue;
                    Vector.ConditionalSelect(gt, v, vb).StoreUnsafe(ref rBest, (nuint)i);
                    Vector.ConditionalSelect(gt, vc, Vector.LoadUnsafe(ref rCls, (nuint)i)).StoreUnsafe(ref rCls, (nuint)i);
                }
            }
            for (; i < n; i++)
            {
                if (row[i] > best[i])
                {
                    best[i] = row[i];
                    bestClass[i] = c;
                }
            }
        }

        ReadOnlySpan<float> cx = output[..n];
        ReadOnlySpan<float> cy = output.Slice(n, n);
        ReadOnlySpan<float> w = output.Slice(2 * n, n);
        ReadOnlySpan<float> h = output.Slice(3 * n, n);
        float min = _minThreshold;
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            float s = best[i];
            if (!(s > min)) continue;
            int cls = bestClass[i];
            if (!(s > ThresholdOf(cls))) continue;
            _boxes[m] = BoxF.FromCenter(cx[i], cy[i], w[i], h[i]);
            _scores[m] = s;
            _classes[m] = cls;
            m++;
        }
        return m;
    }

    // [N, 5+nc]: one row per candidate.
    private int CollectYoloV5(ReadOnlySpan<float> output)
    {
        int stride = _b;
        float min = _minThreshold;
        int m = 0;
        for (int i = 0; i < _n; i++)
        {
            ReadOnlySpan<float> r = output.Slice(i * stride, stride);
            float obj = r[4];
            if (!(obj > min)) continue;
            ReadOnlySpan<float> cls = r[5..];
            int bestC = 0;
            float bestS = cls[0];
            for (int c = 1; c < cls.Length; c++)
            {
                if (cls[c] > bestS)
                {
                    bestS = cls[c];
                    bestC = c;
                }
            }
            float s = obj * bestS;
            if (!(s > ThresholdOf(bestC))) continue;
            _boxes[m] = BoxF.FromCenter(r[0], r[1], r[2], r[3]);
            _scores[m] = s;
            _classes[m] = bestC;
            m++;
        }
        return m;
    }

    // [N, 6]: x1, y1, x2, y2, score, class; rows padded with zero scores are dropped by the threshold.
    private int CollectEndToEnd(ReadOnlySpan<float> output)
    {
        int m = 0;
        for (int i = 0; i < _n; i++)
        {
            ReadOnlySpan<float> r = output.Slice(i * 6, 6);
            float s = r[4];
            float c = r[5];
            if (!(c >= 0f) || c > int.MaxValue) continue;
            int cls = (int)MathF.Round(c);
            if (_classCount > 0 && cls >= _classCount) continue;
            if (!(s > ThresholdOf(cls))) continue;
            _boxes[m] = new BoxF(r[0], r[1], r[2], r[3]);
            _scores[m] = s;
            _classes[m] = cls;
            m++;
        }
        return m;
    }
}
