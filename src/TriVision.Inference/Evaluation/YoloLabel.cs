using TriVision.Core.Detections;

namespace TriVision.Inference.Evaluation;

/// <summary>One line of a YOLO label file: class and box centre/size normalised to the image (0..1).</summary>
public readonly record struct YoloLabel(int ClassId, float CenterX, float CenterY, float Width, float Height)
{
    /// <summary>The box in pixels of an image of the given size.</summary>
    public GroundTruthBox ToPixels(int imageWidth, int imageHeight) =>
        new(BoxF.FromCenter(CenterX * imageWidth, CenterY * imageHeight, Width * imageWidth, Height * imageHeight), ClassId);
}
