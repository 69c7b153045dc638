using System.Globalization;
using TriVision.Core.Detections;
using TriVision.Core.Frames;

namespace TriVision.Capture.Imaging;

/// <summary>
/// Draws detection boxes and "class score" labels onto BGR8 or RGB8 frames in place, with the
/// built-in <see cref="BitmapFont"/>. Hazard classes are always red so an operator sees them
/// first; other classes get a stable colour per class id from a palette that holds no red.
/// Allocates nothing per call.
/// </summary>
public sealed class Annotator
{
    /// <summary>The classes TriVision treats as hazards unless told otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultHazardClasses = ["gas_cylinder", "battery", "power_bank", "aerosol_can"];

    private static readonly AnnotationColor[] Palette =
    [
        new(40, 200, 60), new(30, 140, 255), new(250, 210, 30), new(0, 210, 210),
        new(190, 90, 250), new(140, 230, 140), new(120, 170, 255), new(230, 230, 230),
    ];

    private readonly HashSet<string> _hazards;

    public Annotator(IEnumerable<string>? hazardClasses = null) =>
        _hazards = new HashSet<string>(hazardClasses ?? DefaultHazardClasses, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the class is drawn as a hazard (red).</summary>
    public bool IsHazard(string className) => _hazards.Contains(className);

    /// <summary>The colour a class is drawn in.</summary>
    public AnnotationColor ColorFor(int classId, IReadOnlyList<string> classNames)
    {
        if ((uint)classId < (uint)classNames.Count && _hazards.Contains(classNames[classId])) return AnnotationColor.HazardRed;
        return Palette[(int)((uint)classId % (uint)Palette.Length)];
    }

    /// <summary>Draws every detection onto <paramref name="pixels"/> (boxes in frame pixels, clipped to the frame).</summary>
    public void Draw(Span<byte> pixels, in FrameFormat format, ReadOnlySpan<Detection> detections, IReadOnlyList<string> classNames)
    {
        if (format.PixelFormat is not (PixelFormat.Bgr8 or PixelFormat.Rgb8))
            throw new NotSupportedException($"Annotation draws on Bgr8 or Rgb8 frames, not {format.PixelFormat}.");
        if (pixels.Length < format.BufferSize)
            throw new ArgumentException($"The frame buffer holds {pixels.Length} bytes; {format} needs {format.BufferSize}.", nameof(pixels));

        int shortSide = Math.Min(format.Width, format.Height);
        int thickness = Math.Max(2, shortSide / 240);
        int scale = Math.Max(1, shortSide / 320);
        Span<char> label = stackalloc char[48];
        foreach (ref readonly var d in detections)
        {
            var color = ColorFor(d.ClassId, classNames);
            int x1 = (int)MathF.Round(d.Box.X1), y1 = (int)MathF.Round(d.Box.Y1);
            int x2 = (int)MathF.Round(d.Box.X2), y2 = (int)MathF.Round(d.Box.Y2);
            DrawRectangle(pixels, format, x1, y1, x2, y2, thickness, color);
            int length = FormatLabel(label, d, classNames);
            DrawLabel(pixels, format, x1, y1, label[..length], scale, color);
        }
    }

    private static int FormatLabel(Span<char> destination, in Detection d, IReadOnlyList<string> classNames)
    {
        ReadOnlySpan<char> name = (uint)d.ClassId < (uint)classNames.Count ? classNames[d.ClassId] : "class";
        int n = Math.Min(name.Length, destination.Length - 12);
        name[..n].CopyTo(destination);
        if ((uint)d.ClassId >= (uint)classNames.Count && d.ClassId.TryFormat(destination[n..], out int idChars, default, CultureInfo.InvariantCulture))
            n += idChars;
        destination[n++] = ' ';
        if (d.Score.TryFormat(destination[n..], out int scoreChars, "0.00", CultureInfo.InvariantCulture))
            n += scoreChars;
        return n;
    }

    private static void DrawLabel(Span<byte> pixels, in FrameFormat format, int x, int boxTop, ReadOnlySpan<char> text, int scale, AnnotationColor background)
    {
        int pad = scale * 2;
        int width = BitmapFont.MeasureWidth(text, scale) + 2 * pad;
        int height = BitmapFont.MeasureHeight(scale) + 2 * pad;
        // Above the box when there is room, else just inside its top edge.
        int top = boxTop - height >= 0 ? boxTop - height : Math.Max(0, boxTop);
        int left = Math.Clamp(x, 0, Math.Max(0, format.Width - width));
        FillRectangle(pixels, format, left, top, left + width, top + height, background);
        var ink = background.Luma > 140 ? AnnotationColor.Black : AnnotationColor.White;
        int penX = left + pad;
        foreach (char c in text)
        {
            for (int gy = 0; gy < BitmapFont.GlyphHeight; gy++)
                for (int gx = 0; gx < BitmapFont.GlyphWidth; gx++)
                    if (BitmapFont.IsSet(c, gx, gy))
                    {
                        int px = penX + gx * scale, py = top + pad + gy * scale;
                        FillRectangle(pixels, format, px, py, px + scale, py + scale, ink);
                    }
            penX += BitmapFont.Advance * scale;
        }
    }

    private static void DrawRectangle(Span<byte> pixels, in FrameFormat format, int x1, int y1, int x2, int y2, int t, AnnotationColor color)
    {
        FillRectangle(pixels, format, x1, y1, x2, y1 + t, color);
        FillRectangle(pixels, format, x1, y2 - t, x2, y2, color);
        FillRectangle(pixels, format, x1, y1, x1 + t, y2, color);
        FillRectangle(pixels, format, x2 - t, y1, x2, y2, color);
    }

    /// <summary>Fills [x1,x2) x [y1,y2), clipped to the frame.</summary>
    private static void FillRectangle(Span<byte> pixels, in FrameFormat format, int x1, int y1, int x2, int y2, AnnotationColor color)
    {
        x1 = Math.Max(x1, 0); y1 = Math.Max(y1, 0);
        x2 = Math.Min(x2, format.Width); y2 = Math.Min(y2, format.Height);
        if (x1 >= x2 || y1 >= y2) return;
        bool bgr = format.PixelFormat == PixelFormat.Bgr8;
        byte c0 = bgr ? color.B : color.R, c1 = color.G, c2 = bgr ? color.R : color.B;
        for (int y = y1; y < y2; y++)
        {
            var row = pixels.Slice(y * format.Stride + x1 * 3, (x2 - x1) * 3);
            for (int i = 0; i < row.Length; i += 3)
            {
                row[i] = c0;
                row[i + 1] = c1;
                row[i + 2] = c2;
            }
        }
    }
}
