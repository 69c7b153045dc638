namespace TriVision.Capture.Imaging;

/// <summary>An sRGB colour for drawing; written into BGR8 or RGB8 frames in their own channel order.</summary>
public readonly record struct AnnotationColor(byte R, byte G, byte B)
{
    public static readonly AnnotationColor HazardRed = new(230, 20, 20);
    public static readonly AnnotationColor Black = new(0, 0, 0);
    public static readonly AnnotationColor White = new(255, 255, 255);

    /// <summary>Rec. 601 luma, to choose black or white text on a label.</summary>
    public int Luma => (299 * R + 587 * G + 114 * B) / 1000;
}
