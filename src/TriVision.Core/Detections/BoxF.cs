namespace TriVision.Core.Detections;

/// <summary>Axis-aligned box in pixels, corners (X1,Y1) top-left and (X2,Y2) bottom-right.</summary>
public readonly record struct BoxF(float X1, float Y1, float X2, float Y2)
{
    public float Width => X2 - X1;
    public float Height => Y2 - Y1;
    public float Area => Width > 0 && Height > 0 ? Width * Height : 0f;
    public float CenterX => (X1 + X2) * 0.5f;
    public float CenterY => (Y1 + Y2) * 0.5f;

    public static BoxF FromCenter(float cx, float cy, float w, float h) =>
        new(cx - w * 0.5f, cy - h * 0.5f, cx + w * 0.5f, cy + h * 0.5f);

    public float IoU(in BoxF other)
    {
        float ix = MathF.Min(X2, other.X2) - MathF.Max(X1, other.X1);
        float iy = MathF.Min(Y2, other.Y2) - MathF.Max(Y1, other.Y1);
        if (ix <= 0 || iy <= 0) return 0f;
        float inter = ix * iy;
        float union = Area + other.Area - inter;
        return union > 0 ? inter / union : 0f;
    }
}
