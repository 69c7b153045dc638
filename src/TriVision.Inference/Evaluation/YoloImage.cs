namespace TriVision.Inference.Evaluation;

/// <summary>One image of a YOLO dataset and the label file that belongs to it (which may not exist: no objects).</summary>
public sealed record YoloImage(string ImagePath, string LabelPath)
{
    /// <summary>The label path by the Ultralytics rule: the last "/images/" folder becomes "/labels/", the extension ".txt".</summary>
    public static string LabelPathFor(string imagePath)
    {
        string sep = Path.DirectorySeparatorChar.ToString();
        string marker = sep + "images" + sep;
        int at = imagePath.LastIndexOf(marker, StringComparison.Ordinal);
        string p = at >= 0 ? string.Concat(imagePath.AsSpan(0, at), sep + "labels" + sep, imagePath.AsSpan(at + marker.Length)) : imagePath;
        return Path.ChangeExtension(p, ".txt");
    }
}
