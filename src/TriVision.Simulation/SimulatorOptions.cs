using TriVision.Simulation.Rendering;

namespace TriVision.Simulation;

/// <summary>
/// Everything that shapes a simulated belt. Every property has a default chosen to look like a
/// typical municipal waste sorting line; <see cref="Parse"/> reads the <c>simulator?key=value&amp;…</c>
/// query form used by <c>--source simulator?…</c>. Keys are listed in docs/simulator.md.
/// </summary>
public sealed partial class SimulatorOptions
{
    /// <summary>Frame width in pixels (key <c>width</c>, 64-4096). 960 keeps the belt 2 m long in view at the default scale.</summary>
    public int Width { get; set; } = 960;

    /// <summary>Frame height in pixels (key <c>height</c>, 64-4096); the belt's width spans it by default.</summary>
    public int Height { get; set; } = 540;

    /// <summary>Frames per second (key <c>fps</c>, 1-240); each RenderNext advances 1/fps seconds.</summary>
    public double Fps { get; set; } = 30;

    /// <summary>Seed (key <c>seed</c>); the same seed and options give identical frames and labels.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Belt speed in m/s (key <c>speed</c>, 0.3-3). 1 m/s is mid-range for sorting belts. A scenario overrides it over time.</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>Belt width in metres (key <c>beltwidth</c>, 0.4-2.5). 1.1 m: a common sorting belt.</summary>
    public double BeltWidthM { get; set; } = 1.1;

    /// <summary>Pixels per metre (key <c>ppm</c>, 0 = auto, else 50-5000). Auto makes the belt's width fill the frame height (491 px/m at 540 px, so an AA cell is ~25 px long).</summary>
    public double PixelsPerMetre { get; set; }

    /// <summary>Objects arriving per second (key <c>feed</c>, 0-40). 3/s at 1 m/s gives about 6 objects in view.</summary>
    public double FeedRate { get; set; } = 3.0;

    /// <summary>Share of arrivals that are hazardous (key <c>hazard</c>, 0-1). Real streams have far fewer; 0.05 keeps hazards frequent enough to watch.</summary>
    public double HazardShare { get; set; } = 0.05;

    /// <summary>Relative weights of the four hazard classes (key <c>weights</c>, e.g. <c>weights=gas_cylinder:1,battery:3</c>).</summary>
    public double[] HazardWeights { get; set; } = [1.0, 1.5, 1.0, 1.0];

    /// <summary>
    /// Multipliers on the stream frequency of fine kinds within their class, indexed by <see cref="Objects.ObjectKind"/>
    /// (key <c>kinds</c>, e.g. <c>kinds=metal_can:3,nine_volt:2</c>; unnamed kinds keep 1). Renders more of the
    /// look-alikes a detector confuses (a drink can beside an aerosol can) without changing the class shares.
    /// </summary>
    public double[] KindBoost { get; set; } = DefaultKindBoost();

    internal static double[] DefaultKindBoost()
    {
        var b = new double[Objects.ObjectKinds.Count];
        Array.Fill(b, 1.0);
        return b;
    }

    /// <summary>Overall light level (key <c>light</c>, 0.2-2).</summary>
    public double LightLevel { get; set; } = 1.0;

    /// <summary>Mains flicker frequency in Hz (key <c>flicker</c>, 0-200; 100 for 50 Hz mains). 0 disables it.</summary>
    public double FlickerHz { get; set; }

    /// <summary>Flicker depth as a fraction of the light level (key <c>flickerdepth</c>, 0-0.5).</summary>
    public double FlickerDepth { get; set; } = 0.1;

    /// <summary>Amplitude of the slow light drift over minutes (key <c>drift</c>, 0-0.5): daylight through skylights, lamps warming up.</summary>
    public double Drift { get; set; } = 0.05;

    /// <summary>Sensor noise standard deviation in grey levels (key <c>noise</c>, 0-30).</summary>
    public double Noise { get; set; } = 2.5;

    /// <summary>Exposure time in ms (key <c>exposure</c>, 0-40); motion blur = speed x exposure.</summary>
    public double ExposureMs { get; set; } = 2.0;

    /// <summary>Probability that an arrival lands on top of the previous one (key <c>occlusion</c>, 0-1).</summary>
    public double Occlusion { get; set; } = 0.15;

    /// <summary>Small clutter pieces per square metre of belt (key <c>clutter</c>, 0-100).</summary>
    public double Clutter { get; set; } = 4;

    /// <summary>Probability that an arrival is a heap of 3-7 objects (key <c>pileup</c>, 0-1).</summary>
    public double Pileup { get; set; } = 0.04;

    /// <summary>Belt texture (key <c>belt</c>: a <see cref="Rendering.BeltTexture"/> name in snake_case, or <c>auto</c> = drawn from <see cref="Variation"/> by the seed).</summary>
    public BeltTexture? Belt { get; set; }

    /// <summary>Lighting preset (key <c>lighting</c>: a <see cref="LightingPreset"/> name in snake_case, or <c>auto</c>).</summary>
    public LightingPreset? Lighting { get; set; }

    /// <summary>Set that automatic belt and lighting choices come from (key <c>variation</c>: any, train, holdout).</summary>
    public Variation Variation { get; set; } = Variation.Any;

    /// <summary>Start with the view already loaded as in steady flow (key <c>warm</c>, true/false).</summary>
    public bool WarmStart { get; set; } = true;

    /// <summary>Name of a scripted scenario from <see cref="Scenarios.ScenarioCatalog"/> (key <c>scenario</c>), or null for a steady belt.</summary>
    public string? Scenario { get; set; }

    /// <summary>Pixels per metre actually used.</summary>
    public double EffectivePixelsPerMetre => PixelsPerMetre > 0 ? PixelsPerMetre : Height / BeltWidthM;

    public SimulatorOptions Clone()
    {
        var c = (SimulatorOptions)MemberwiseClone();
        c.HazardWeights = (double[])HazardWeights.Clone();
        c.KindBoost = (double[])KindBoost.Clone();
        return c;
    }
}
