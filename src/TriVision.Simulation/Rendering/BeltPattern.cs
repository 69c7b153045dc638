namespace TriVision.Simulation.Rendering;

/// <summary>
/// A procedural belt surface for <see cref="BeltTexture.Patterned"/>: a random base colour (any hue, dark to mid
/// brightness, as belts are) and one generic pattern with random period, line width, orientation and contrast. The
/// pattern repeats a whole number of times along the tile so the scrolling belt wraps without a seam.
/// </summary>
internal readonly struct BeltPattern
{
    private readonly Kind _kind;
    private readonly Rgb _base, _mark;
    private readonly double _periodX, _periodY, _duty, _contrast, _slant;

    private enum Kind { StripesAcross, StripesAlong, Checks, Dots, Chevrons, Blocks }

    private BeltPattern(Kind kind, Rgb baseColour, Rgb mark, double periodX, double periodY, double duty, double contrast, double slant)
    {
        _kind = kind;
        _base = baseColour;
        _mark = mark;
        _periodX = periodX;
        _periodY = periodY;
        _duty = duty;
        _contrast = contrast;
        _slant = slant;
    }

    public static BeltPattern Draw(ref SimRandom rng, double tileM)
    {
        var kind = (Kind)rng.Next(0, 6);
        double hue = rng.NextDouble(), sat = rng.Range(0, 0.75), val = rng.Range(0.08, 0.5);
        var baseColour = FromHsv(hue, sat, val);
        // marks: darker or lighter than the base, sometimes another hue
        double markVal = rng.NextDouble() < 0.6 ? val * rng.Range(0.3, 0.75) : Math.Min(0.85, val * rng.Range(1.3, 2.2) + 0.05);
        var mark = rng.NextDouble() < 0.7 ? FromHsv(hue, sat, markVal) : FromHsv(rng.NextDouble(), rng.Range(0, 0.6), markVal);
        double px = Wrap(rng.Range(0.015, 0.2), tileM);
        double py = rng.Range(0.015, 0.2);
        return new BeltPattern(kind, baseColour, mark, px, py, rng.Range(0.08, 0.5), rng.Range(0.4, 1.0), rng.Range(-0.8, 0.8));
    }

    public Rgb Shade(double xm, double ym, double grain, double lanes, double patch)
    {
        double u = xm / _periodX, v = ym / _periodY;
        double m = _kind switch
        {
            Kind.StripesAcross => Frac(u) < _duty ? 1 : 0,
            Kind.StripesAlong => Frac(v) < _duty ? 1 : 0,
            Kind.Checks => ((int)Math.Floor(u) + (int)Math.Floor(v) & 1) == 0 ? 1 : 0,
            Kind.Dots => Dot(Frac(u) - 0.5, Frac(v) - 0.5),
            Kind.Chevrons => Frac(u + Math.Abs(Frac(v) - 0.5) * _slant * 2) < _duty ? 1 : 0,
            _ => Block(u, v),
        };
        var c = Rgb.Lerp(_base, _mark, m * _contrast);
        double g = 1 + 0.12 * grain + 0.15 * lanes + 0.08 * (patch - 0.5);
        return c * g;
    }

    private double Dot(double dx, double dy) => dx * dx + dy * dy < _duty * _duty * 0.5 ? 1 : 0;

    /// <summary>A square grid of lines (tiles or a mesh): the lines between cells are marked.</summary>
    private double Block(double u, double v) => Frac(u) < _duty * 0.4 || Frac(v) < _duty * 0.4 ? 1 : 0;

    private static double Frac(double x) => x - Math.Floor(x);

    /// <summary>A period that divides the tile an even number of times (checks alternate per period).</summary>
    private static double Wrap(double period, double tileM) => tileM / Math.Max(2, 2 * Math.Round(tileM / period / 2));

    private static Rgb FromHsv(double h, double s, double v)
    {
        double c = v * s, x = c * (1 - Math.Abs(h * 6 % 2 - 1)), m = v - c;
        (double r, double g, double b) = (int)(h * 6) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return new Rgb(r + m, g + m, b + m);
    }
}
