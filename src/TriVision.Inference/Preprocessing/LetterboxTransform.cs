using TriVision.Core.Detections;

namespace TriVision.Inference.Preprocessing;

/// <summary>
/// Geometry of an Ultralytics-style letterbox: the source is scaled by <see cref="Scale"/>
/// (the same factor on both axes, so the aspect ratio is kept), placed at
/// (<see cref="PadX"/>, <see cref="PadY"/>) in the model input, and the rest is padding.
/// </summary>
/// <remarks>
/// Matches <c>ultralytics.data.augment.LetterBox</c> (auto=False, center=True) and
/// <c>ultralytics.utils.ops.scale_boxes</c>: scale = min(dstW/srcW, dstH/srcH); the resized size is
/// round(src * scale) with round-half-to-even; the padding left over on each axis is split in
/// two with the odd pixel going to the right/bottom (left = round(pad/2 - 0.1),
/// right = round(pad/2 + 0.1)), so <see cref="PadX"/> = floor(padTotal / 2).
/// </remarks>
public readonly record struct LetterboxTransform(float Scale, float PadX, float PadY,
    int SourceWidth, int SourceHeight, int TargetWidth, int TargetHeight)
{
    /// <summary>Width of the resized image inside the target (target minus both paddings).</summary>
    public int ResizedWidth => ResizedLength(SourceWidth, SourceHeight, TargetWidth, TargetHeight, horizontal: true);

    /// <summary>Height of the resized image inside the target.</summary>
    public int ResizedHeight => ResizedLength(SourceWidth, SourceHeight, TargetWidth, TargetHeight, horizontal: false);

    public static LetterboxTransform Compute(int srcW, int srcH, int dstW, int dstH)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(srcW, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(srcH, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dstW, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dstH, 0);
        double r = Ratio(srcW, srcH, dstW, dstH);
        int newW = ResizedLength(srcW, srcH, dstW, dstH, horizontal: true);
        int newH = ResizedLength(srcW, srcH, dstW, dstH, horizontal: false);
        // Ultralytics computes round(dw - 0.1) with dw = (dst - new) / 2, which is floor for
        // integer paddings: the odd pixel ends up on the right / bottom.
        int padX = (dstW - newW) / 2;
        int padY = (dstH - newH) / 2;
        return new LetterboxTransform((float)r, padX, padY, srcW, srcH, dstW, dstH);
    }

    /// <summary>Maps a box from model-input pixels back to source pixels, clamped to the source image.</summary>
    public BoxF ToSource(in BoxF modelBox)
    {
        float inv = 1f / Scale;
        return new BoxF(
            Math.Clamp((modelBox.X1 - PadX) * inv, 0f, SourceWidth),
            Math.Clamp((modelBox.Y1 - PadY) * inv, 0f, SourceHeight),
            Math.Clamp((modelBox.X2 - PadX) * inv, 0f, SourceWidth),
            Math.Clamp((modelBox.Y2 - PadY) * inv, 0f, SourceHeight));
    }

    /// <summary>Maps a box from source pixels into model-input pixels (no clamping).</summary>
    public BoxF ToModel(in BoxF sourceBox) => new(
        sourceBox.X1 * Scale + PadX,
        sourceBox.Y1 * Scale + PadY,
        sourceBox.X2 * Scale + PadX,
        sourceBox.Y2 * Scale + PadY);

    private static double Ratio(int srcW, int srcH, int dstW, int dstH) =>
        Math.Min((double)dstW / srcW, (double)dstH / srcH);

    internal static int ResizedLength(int srcW, int srcH, int dstW, int dstH, bool horizontal)
    {
        if (srcW <= 0 || srcH <= 0 || dstW <= 0 || dstH <= 0) return 0;
        double r = Ratio(srcW, srcH, dstW, dstH);
        // Python's round() is half-to-even; Math.Round's default is the same.
        int len = (int)Math.Round((horizontal ? srcW : srcH) * r);
        int max = horizontal ? dstW : dstH;
        return Math.Clamp(len, 1, max);
    }
}
