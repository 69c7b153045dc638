using System.Text;

namespace TriVision.Inference.Decoding;

/// <summary>
/// Tells which <see cref="OutputLayout"/> a detection output has from its shape and, when the
/// model's metadata gives it, the class count. Rules (in order), with the shape read as
/// [1, A, B] (or [A, B]):
/// <list type="number">
/// <item>A dynamic (non-positive) dimension, a batch other than 1 or a rank other than 2 or 3 is rejected.</item>
/// <item>With a known class count nc: YOLOv8 when A = 4+nc; YOLOv5 when B = 5+nc; end-to-end when B = 6.
/// If YOLOv8 and another layout both fit, the one whose candidate axis is the longer wins.</item>
/// <item>Without a class count, the longer axis is the candidate axis: A &lt; B is YOLOv8 (nc = A-4),
/// A &gt; B is YOLOv5 (nc = B-5); A = B is rejected as ambiguous.</item>
/// <item>[1, N, 6] is both end-to-end and a one-class YOLOv5. End-to-end models emit max_det rows
/// (300 by default), YOLOv5 one row per anchor (25,200 at 640x640, 1,575 even at 160x160), so
/// N &lt;= <see cref="EndToEndMaxRows"/> is read as end-to-end, a larger N as YOLOv5.
/// Set <see cref="DecoderOptions.Layout"/> when a model breaks that rule.</item>
/// </list>
/// </summary>
public static class OutputLayoutDetector
{
    /// <summary>Largest N of a [1, N, 6] output that is read as end-to-end rather than one-class YOLOv5.</summary>
    public const int EndToEndMaxRows = 1000;

    private const string Accepted =
        "Accepted layouts: YOLOv8/11 [1, 4+nc, N] (cx, cy, w, h, class scores), " +
        "YOLOv5 [1, N, 5+nc] (cx, cy, w, h, objectness, class scores), " +
        "end-to-end [1, N, 6] (x1, y1, x2, y2, score, class).";

    public static OutputLayout Detect(ReadOnlySpan<long> shape, int? classCount) => Detect(shape, classCount, null);

    /// <summary>Detects the layout, or checks <paramref name="forced"/> against the shape when given.</summary>
    public static OutputLayout Detect(ReadOnlySpan<long> shape, int? classCount, OutputLayout? forced)
    {
        (int a, int b) = Dimensions(shape, classCount);
        int nc = classCount is > 0 ? classCount.Value : 0;

        if (forced is { } f)
        {
            bool fits = f switch
            {
                OutputLayout.YoloV8 => nc > 0 ? a == 4 + nc : a >= 5,
                OutputLayout.YoloV5 => nc > 0 ? b == 5 + nc : b >= 6,
                OutputLayout.EndToEnd => b == 6,
                _ => false,
            };
            if (!fits)
                throw Unsupported(shape, classCount, $"It does not fit the {f} layout that was configured. ");
            return f;
        }

        if (nc > 0)
        {
            bool v8 = a == 4 + nc;
            bool v5 = b == 5 + nc;
            bool e2e = b == 6;
            if (v8 && (v5 || e2e))
                return b > a ? OutputLayout.YoloV8 : RowMajor(a, v5, e2e);
            if (v8) return OutputLayout.YoloV8;
            if (v5 || e2e) return RowMajor(a, v5, e2e);
            throw Unsupported(shape, classCount, string.Empty);
        }

        if (a < b && a >= 5) return OutputLayout.YoloV8;
        if (a > b && b == 6) return a <= EndToEndMaxRows ? OutputLayout.EndToEnd : OutputLayout.YoloV5;
        if (a > b && b > 6) return OutputLayout.YoloV5;
        throw Unsupported(shape, classCount, a == b ? "Both axes have the same length, so the class count from the model's metadata is needed. " : string.Empty);
    }

    /// <summary>Class count a layout implies for a shape; 0 for end-to-end, whose shape does not say.</summary>
    public static int ClassCountOf(OutputLayout layout, ReadOnlySpan<long> shape)
    {
        (int a, int b) = Dimensions(shape, null);
        return layout switch
        {
            OutputLayout.YoloV8 => a - 4,
            OutputLayout.YoloV5 => b - 5,
            _ => 0,
        };
    }

    /// <summary>Candidate count N of a shape in a layout.</summary>
    public static int CandidateCountOf(OutputLayout layout, ReadOnlySpan<long> shape)
    {
        (int a, int b) = Dimensions(shape, null);
        return layout == OutputLayout.YoloV8 ? b : a;
    }

    private static OutputLayout RowMajor(int rows, bool v5, bool e2e)
    {
        if (v5 && e2e) return rows <= EndToEndMaxRows ? OutputLayout.EndToEnd : OutputLayout.YoloV5;
        return v5 ? OutputLayout.YoloV5 : OutputLayout.EndToEnd;
    }

    internal static (int A, int B) Dimensions(ReadOnlySpan<long> shape, int? classCount)
    {
        long a;
        long b;
        if (shape.Length == 3)
        {
            if (shape[0] != 1)
                throw Unsupported(shape, classCount, "Only a batch of 1 is decoded. ");
            a = shape[1];
            b = shape[2];
        }
        else if (shape.Length == 2)
        {
            a = shape[0];
            b = shape[1];
        }
        else
        {
            throw Unsupported(shape, classCount, $"A detection output has rank 3 (or 2 without the batch), this one has rank {shape.Length}. ");
        }
        if (a <= 0 || b <= 0)
            throw Unsupported(shape, classCount, "It has a dynamic dimension: pass the shape of an actual output tensor. ");
        if (a > int.MaxValue || b > int.MaxValue)
            throw Unsupported(shape, classCount, "It is too large. ");
        return ((int)a, (int)b);
    }

    private static UnsupportedOutputLayoutException Unsupported(ReadOnlySpan<long> shape, int? classCount, string why)
    {
        var sb = new StringBuilder("Output shape [");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(shape[i]);
        }
        sb.Append(']');
        sb.Append(classCount is > 0 ? $" with {classCount} classes" : " (class count unknown)");
        sb.Append(" is not a supported detection layout. ");
        sb.Append(why);
        sb.Append(Accepted);
        return new UnsupportedOutputLayoutException(sb.ToString());
    }
}
