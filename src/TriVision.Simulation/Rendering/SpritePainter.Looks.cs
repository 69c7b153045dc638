using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Rendering;

internal static partial class SpritePainter
{
    // Shared palette: hazards and waste draw from overlapping colours so colour alone is no cue.
    private static readonly Rgb[] Palette =
    [
        new(0.78, 0.10, 0.08), new(0.10, 0.26, 0.66), new(0.56, 0.57, 0.58), new(0.88, 0.72, 0.10),
        new(0.10, 0.46, 0.22), new(0.88, 0.88, 0.86), new(0.92, 0.42, 0.06), new(0.12, 0.12, 0.13),
        new(0.45, 0.15, 0.50), new(0.20, 0.62, 0.75), new(0.70, 0.55, 0.35), new(0.95, 0.55, 0.65),
    ];
    private static readonly Rgb Metal = new(0.72, 0.72, 0.74);
    private static readonly Rgb Brass = new(0.78, 0.62, 0.30);
    private static readonly Rgb Copper = new(0.80, 0.45, 0.20);

    private static Rgb AnyPaint(ref SimRandom rng) => Palette[rng.Next(0, Palette.Length)].Jitter(ref rng, 0.12);

    private static Look ChooseLook(ObjectKind kind, ref SimRandom rng)
    {
        var k = new Look { Kind = kind, Alpha = 1, Seed = (uint)rng.NextULong() };
        switch (kind)
        {
            case ObjectKind.PropaneBottle:
                k.L = rng.Range(0.30, 0.58);
                k.W = k.L * rng.Range(0.42, 0.6);
                k.C1 = rng.Pick<Rgb>([Palette[0], Palette[1], Palette[2], Palette[3], Palette[4], Palette[5], Palette[6]]).Jitter(ref rng, 0.1);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 3); // 0 plain, 1 label band, 2 sticker
                k.P1 = rng.Range(0.0, 0.35); // paint wear
                break;
            case ObjectKind.ButaneBottle:
                k.L = rng.Range(0.22, 0.40);
                k.W = k.L * rng.Range(0.3, 0.42);
                k.C1 = rng.Pick<Rgb>([Palette[1], Palette[6], Palette[2], Palette[5], Palette[0]]).Jitter(ref rng, 0.1);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 3);
                k.P1 = rng.Range(0.0, 0.25);
                break;
            case ObjectKind.CampingCartridge:
                k.Variant = rng.Chance(0.65) ? 0 : 1;
                double dia = rng.Range(0.085, 0.112);
                k.W = dia;
                k.L = k.Variant == 0 ? rng.Range(0.075, 0.13) : dia;
                k.C1 = rng.Pick<Rgb>([Palette[1], Palette[0], Palette[6], Palette[4], Palette[5], Palette[2], Palette[3]]).Jitter(ref rng, 0.1);
                k.C2 = AnyPaint(ref rng);
                k.P1 = rng.Range(0, 1);
                break;
            case ObjectKind.AaCell:
            case ObjectKind.AaaCell:
            case ObjectKind.CCell:
            case ObjectKind.DCell:
                (k.L, k.W) = kind switch
                {
                    ObjectKind.AaCell => (0.0505, 0.0145),
                    ObjectKind.AaaCell => (0.0445, 0.0105),
                    ObjectKind.CCell => (0.050, 0.0262),
                    _ => (0.0615, 0.0342),
                };
                k.C1 = rng.Chance(0.35) ? new Rgb(0.1, 0.1, 0.1).Jitter(ref rng, 0.05) : AnyPaint(ref rng);
                k.C2 = rng.Chance(0.3) ? Copper.Jitter(ref rng, 0.08) : rng.Chance(0.4) ? Metal : AnyPaint(ref rng);
                k.C3 = AnyPaint(ref rng);
                k.P1 = rng.Range(0.12, 0.4); // share of the second colour band
                break;
            case ObjectKind.NineVolt:
                k.L = 0.0485; k.W = 0.0265;
                k.C1 = rng.Chance(0.3) ? new Rgb(0.1, 0.1, 0.1) : AnyPaint(ref rng);
                k.C2 = rng.Chance(0.3) ? Copper : AnyPaint(ref rng);
                k.P1 = rng.Range(0.2, 0.6);
                break;
            case ObjectKind.LithiumPouch:
                k.L = rng.Range(0.045, 0.12);
                k.W = rng.Range(0.03, Math.Min(0.075, k.L));
                k.C1 = rng.Pick<Rgb>([new(0.72, 0.73, 0.76), new(0.66, 0.70, 0.78), new(0.2, 0.2, 0.22), new(0.8, 0.55, 0.2), new(0.6, 0.62, 0.6)]).Jitter(ref rng, 0.06);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 2); // sticker or not
                k.L += 0.008; // tabs
                break;
            case ObjectKind.BatteryPack:
                k.P1 = rng.Next(2, 5); // cells across
                k.P2 = rng.Range(0.014, 0.019); // cell diameter
                k.W = k.P1 * k.P2;
                k.L = rng.Range(0.065, 0.14);
                k.C1 = rng.Pick<Rgb>([Palette[1], Palette[3], Palette[4], Palette[7], Palette[0], Palette[8], Palette[9]]).Jitter(ref rng, 0.1);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 2);
                k.P3 = rng.Range(0.02, 0.05); // wire length
                k.L += k.P3;
                break;
            case ObjectKind.PowerBank:
                k.L = rng.Range(0.09, 0.16);
                k.W = rng.Range(0.055, 0.08);
                k.C1 = rng.Pick<Rgb>([Palette[7], Palette[5], Palette[2], Palette[1], Palette[11], Palette[0], new(0.75, 0.76, 0.78), Palette[4]]).Jitter(ref rng, 0.08);
                k.C2 = AnyPaint(ref rng);
                k.P1 = rng.Range(0.005, 0.016); // corner radius
                k.P2 = rng.Next(0, 5); // lit LEDs
                k.Variant = rng.Next(0, 3); // port layout
                k.P3 = rng.Range(0.2, 1.0); // gloss
                break;
            case ObjectKind.AerosolCan:
                k.L = rng.Range(0.14, 0.26);
                k.W = 2 * rng.Range(0.022, 0.033);
                k.C1 = AnyPaint(ref rng);
                k.C2 = AnyPaint(ref rng);
                k.C3 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 2); // cap on / off
                k.P1 = rng.Next(0, 3); // print style
                break;
            case ObjectKind.PlasticBottle:
                k.L = rng.Range(0.17, 0.34);
                k.W = 2 * rng.Range(0.028, 0.048);
                int tint = rng.Next(0, 5);
                k.C1 = tint switch { <= 1 => new Rgb(0.86, 0.9, 0.94), 2 => new Rgb(0.55, 0.75, 0.9), 3 => new Rgb(0.45, 0.75, 0.5), _ => new Rgb(0.6, 0.45, 0.3) };
                k.C2 = AnyPaint(ref rng);
                k.C3 = AnyPaint(ref rng);
                // Clear PET shows the belt through it; edges and highlights carry its shape.
                k.Alpha = tint <= 1 ? rng.Range(0.18, 0.35) : rng.Range(0.35, 0.55);
                k.Variant = rng.Chance(0.35) ? 1 : 0; // crushed
                k.P1 = rng.Chance(0.7) ? 1 : 0; // label
                break;
            case ObjectKind.GlassBottle:
                k.L = rng.Range(0.2, 0.32);
                k.W = 2 * rng.Range(0.029, 0.04);
                int glass = rng.Next(0, 3);
                k.C1 = (glass switch { 0 => new Rgb(0.15, 0.42, 0.18), 1 => new Rgb(0.38, 0.2, 0.07), _ => new Rgb(0.78, 0.84, 0.82) }).Jitter(ref rng, 0.05);
                k.C2 = AnyPaint(ref rng);
                k.C3 = rng.Chance(0.5) ? Metal : AnyPaint(ref rng);
                k.Alpha = glass == 2 ? rng.Range(0.4, 0.6) : rng.Range(0.68, 0.85);
                k.P1 = rng.Chance(0.7) ? 1 : 0;
                k.P2 = rng.Chance(0.5) ? 1 : 0; // crown cap
                break;
            case ObjectKind.MetalCan:
                k.Variant = rng.Chance(0.5) ? 1 : 0; // crushed
                k.L = rng.Range(0.10, 0.17) * (k.Variant == 1 ? rng.Range(0.55, 0.9) : 1);
                k.W = 2 * rng.Range(0.026, 0.034) * (k.Variant == 1 ? 1.2 : 1);
                k.C1 = rng.Chance(0.2) ? Metal : AnyPaint(ref rng);
                k.C2 = AnyPaint(ref rng);
                k.P1 = rng.Next(0, 3);
                break;
            case ObjectKind.Cardboard:
                k.L = rng.Range(0.12, 0.45);
                k.W = rng.Range(0.08, Math.Min(0.32, k.L));
                k.C1 = rng.Chance(0.75) ? new Rgb(0.62, 0.46, 0.30).Jitter(ref rng, 0.12) : new Rgb(0.86, 0.85, 0.82).Jitter(ref rng, 0.05);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 3); // tape, print, crease
                k.P1 = rng.Range(0.004, 0.008);
                break;
            case ObjectKind.Paper:
                k.L = rng.Range(0.1, 0.3);
                k.W = rng.Range(0.07, Math.Min(0.21, k.L));
                k.C1 = rng.Pick<Rgb>([new(0.93, 0.93, 0.91), new(0.93, 0.93, 0.91), new(0.9, 0.86, 0.74), new(0.72, 0.72, 0.70), new(0.8, 0.88, 0.95), new(0.95, 0.9, 0.6)]);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 2); // crumpled
                k.P1 = rng.Range(0.005, 0.009); // text line pitch
                break;
            case ObjectKind.Film:
                k.L = rng.Range(0.12, 0.4);
                k.W = k.L * rng.Range(0.5, 1.0);
                bool clear = rng.Chance(0.5);
                k.C1 = clear ? new Rgb(0.9, 0.92, 0.95) : rng.Pick<Rgb>([new(0.1, 0.1, 0.12), new(0.2, 0.35, 0.7), new(0.9, 0.9, 0.9), new(0.3, 0.6, 0.3), new(0.85, 0.3, 0.2)]);
                k.Alpha = clear ? rng.Range(0.3, 0.5) : rng.Range(0.7, 0.92);
                break;
            case ObjectKind.FoodCarton:
                k.L = rng.Range(0.1, 0.25);
                k.W = rng.Range(0.06, 0.1);
                k.C1 = AnyPaint(ref rng);
                k.C2 = AnyPaint(ref rng);
                k.Variant = rng.Next(0, 2);
                break;
            default:
                k.L = rng.Range(0.012, 0.045);
                k.W = k.L * rng.Range(0.4, 1.0);
                k.C1 = rng.Chance(0.5) ? new Rgb(0.85, 0.85, 0.82).Jitter(ref rng, 0.1) : AnyPaint(ref rng);
                k.Alpha = rng.Range(0.6, 1.0);
                break;
        }
        return k;
    }
}
