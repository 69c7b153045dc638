using System.Globalization;
using System.Text;
using TriVision.Simulation.Objects;
using TriVision.Simulation.Rendering;

namespace TriVision.Simulation;

public sealed partial class SimulatorOptions
{
    /// <summary>Keys accepted by <see cref="Parse"/>, in documentation order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "width", "height", "fps", "seed", "speed", "beltwidth", "ppm", "feed", "hazard", "weights", "kinds", "light",
        "flicker", "flickerdepth", "drift", "noise", "exposure", "occlusion", "clutter", "pileup", "belt",
        "lighting", "variation", "warm", "scenario",
    ];

    /// <summary>
    /// Parses "seed=7&amp;speed=1.5&amp;…", optionally prefixed by "simulator?". Unset keys keep their
    /// defaults. Throws <see cref="ArgumentException"/> naming the key, the value and what is allowed.
    /// </summary>
    public static SimulatorOptions Parse(string? query)
    {
        var o = new SimulatorOptions();
        if (string.IsNullOrWhiteSpace(query)) return o;
        string q = query.Trim();
        int qm = q.IndexOf('?');
        if (qm >= 0) q = q[(qm + 1)..];
        foreach (string part in q.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]).Trim().ToLowerInvariant();
            string value = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]).Trim();
            o.Set(key, value);
        }
        o.Validate();
        return o;
    }

    /// <summary>Sets one option from its text form (same keys and messages as <see cref="Parse"/>).</summary>
    public void Set(string key, string value)
    {
        switch (key)
        {
            case "width": Width = (int)Num(key, value, 64, 4096, "pixels", integer: true); break;
            case "height": Height = (int)Num(key, value, 64, 4096, "pixels", integer: true); break;
            case "fps": Fps = Num(key, value, 1, 240, "frames per second"); break;
            case "seed":
                if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
                    throw Bad(key, value, "a non-negative integer");
                Seed = seed;
                break;
            case "speed": Speed = Num(key, value, 0.3, 3, "m/s"); break;
            case "beltwidth": BeltWidthM = Num(key, value, 0.4, 2.5, "metres"); break;
            case "ppm":
                PixelsPerMetre = Num(key, value, 0, 5000, "pixels per metre (0 = auto)");
                if (PixelsPerMetre is > 0 and < 50) throw Bad(key, value, "0 (auto) or 50 to 5000 pixels per metre");
                break;
            case "feed": FeedRate = Num(key, value, 0, 40, "objects per second"); break;
            case "hazard": HazardShare = Num(key, value, 0, 1, "share of arrivals"); break;
            case "weights": HazardWeights = ParseWeights(key, value); break;
            case "kinds": KindBoost = ParseKindBoost(key, value); break;
            case "light": LightLevel = Num(key, value, 0.2, 2, "relative light level"); break;
            case "flicker": FlickerHz = Num(key, value, 0, 200, "Hz"); break;
            case "flickerdepth": FlickerDepth = Num(key, value, 0, 0.5, "fraction of the light level"); break;
            case "drift": Drift = Num(key, value, 0, 0.5, "fraction of the light level"); break;
            case "noise": Noise = Num(key, value, 0, 30, "grey levels (standard deviation)"); break;
            case "exposure": ExposureMs = Num(key, value, 0, 40, "milliseconds"); break;
            case "occlusion": Occlusion = Num(key, value, 0, 1, "probability"); break;
            case "clutter": Clutter = Num(key, value, 0, 100, "pieces per square metre"); break;
            case "pileup": Pileup = Num(key, value, 0, 1, "probability"); break;
            case "belt": Belt = value.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : EnumValue<BeltTexture>(key, value); break;
            case "lighting": Lighting = value.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : EnumValue<LightingPreset>(key, value); break;
            case "variation": Variation = EnumValue<Variation>(key, value); break;
            case "warm":
                if (!bool.TryParse(value, out bool warm)) throw Bad(key, value, "true or false");
                WarmStart = warm;
                break;
            case "scenario":
                if (Scenarios.ScenarioCatalog.Find(value) is null)
                    throw Bad(key, value, "one of " + string.Join(", ", Scenarios.ScenarioCatalog.Names));
                Scenario = value.ToLowerInvariant();
                break;
            default:
                throw new ArgumentException($"Unknown simulator option '{key}' (value '{value}'). Allowed keys: {string.Join(", ", Keys)}.");
        }
    }

    /// <summary>Checks values set in code against the ranges <see cref="Parse"/> enforces.</summary>
    public void Validate()
    {
        Check("width", Width, 64, 4096);
        Check("height", Height, 64, 4096);
        Check("fps", Fps, 1, 240);
        Check("speed", Speed, 0.3, 3);
        Check("beltwidth", BeltWidthM, 0.4, 2.5);
        Check("ppm", PixelsPerMetre, 0, 5000);
        Check("feed", FeedRate, 0, 40);
        Check("hazard", HazardShare, 0, 1);
        Check("light", LightLevel, 0.2, 2);
        Check("flicker", FlickerHz, 0, 200);
        Check("flickerdepth", FlickerDepth, 0, 0.5);
        Check("drift", Drift, 0, 0.5);
        Check("noise", Noise, 0, 30);
        Check("exposure", ExposureMs, 0, 40);
        Check("occlusion", Occlusion, 0, 1);
        Check("clutter", Clutter, 0, 100);
        Check("pileup", Pileup, 0, 1);
        if (HazardWeights is null || HazardWeights.Length != 4)
            throw new ArgumentException("Simulator option 'weights' must hold 4 weights (gas_cylinder, battery, power_bank, aerosol_can).");
        double sum = 0;
        foreach (double w in HazardWeights)
        {
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException($"Simulator option 'weights' has weight {w}; weights must be finite and >= 0.");
            sum += w;
        }
        if (sum <= 0 && HazardShare > 0) throw new ArgumentException("Simulator option 'weights' are all zero while 'hazard' > 0.");
        if (KindBoost is null || KindBoost.Length != ObjectKinds.Count)
            throw new ArgumentException($"Simulator option 'kinds' must hold {ObjectKinds.Count} multipliers, one per fine kind.");
        for (int i = 0; i < KindBoost.Length; i++)
            if (!(KindBoost[i] >= 0 && KindBoost[i] <= 100))
                throw new ArgumentException($"Simulator option 'kinds' gives {((ObjectKind)i).Name()} the multiplier {KindBoost[i].ToString(CultureInfo.InvariantCulture)}: allowed 0 to 100.");
        for (int cls = 0; cls < SimClasses.Count; cls++)
        {
            double classSum = 0;
            foreach (var (kind, weight) in ObjectKinds.KindsOf(cls)) classSum += weight * KindBoost[(int)kind];
            if (classSum <= 0) throw new ArgumentException($"Simulator option 'kinds' sets every kind of class {SimClasses.Names[cls]} to 0: keep at least one.");
        }
    }

    private static void Check(string key, double v, double min, double max)
    {
        if (!(v >= min && v <= max))
            throw new ArgumentException($"Simulator option '{key}' = {v.ToString(CultureInfo.InvariantCulture)} is out of range: allowed {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static double Num(string key, string value, double min, double max, string unit, bool integer = false)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v)
            || v < min || v > max || (integer && v != Math.Floor(v)))
            throw Bad(key, value, $"{(integer ? "an integer" : "a number")} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} ({unit})");
        return v;
    }

    private static double[] ParseWeights(string key, string value)
    {
        var w = new double[4];
        foreach (string item in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = item.IndexOf(':');
            int cls = colon < 0 ? -1 : SimClasses.IdOf(item[..colon].Trim());
            if (cls < 0 || !SimClasses.IsHazard(cls)
                || !double.TryParse(item[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !(x >= 0) || double.IsInfinity(x))
                throw Bad(key, value, "comma-separated class:weight pairs with classes gas_cylinder, battery, power_bank, aerosol_can and weights >= 0");
            w[cls] = x;
        }
        return w;
    }

    /// <summary>Parses "metal_can:3,nine_volt:2" into a multiplier per fine kind (1 for kinds not named).</summary>
    public static double[] ParseKindBoost(string key, string value)
    {
        double[] b = DefaultKindBoost();
        foreach (string item in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = item.IndexOf(':');
            if (colon < 0 || !ObjectKinds.TryParse(item[..colon].Trim(), out ObjectKind kind)
                || !double.TryParse(item[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !(x >= 0 && x <= 100))
                throw Bad(key, value, "comma-separated kind:multiplier pairs, kinds such as metal_can or nine_volt, multipliers 0 to 100");
            b[(int)kind] = x;
        }
        return b;
    }

    private static T EnumValue<T>(string key, string value) where T : struct, Enum
    {
        string compact = value.Replace("_", "", StringComparison.Ordinal);
        if (compact.Length > 0 && !char.IsDigit(compact[0]) && Enum.TryParse(compact, ignoreCase: true, out T result)) return result;
        var allowed = new StringBuilder();
        foreach (T v in Enum.GetValues<T>())
        {
            if (allowed.Length > 0) allowed.Append(", ");
            allowed.Append(SnakeCase(v.ToString()));
        }
        if (typeof(T) != typeof(Variation)) allowed.Append(", auto");
        throw Bad(key, value, "one of " + allowed);
    }

    internal static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    private static ArgumentException Bad(string key, string value, string allowed) =>
        new($"Simulator option '{key}' has invalid value '{value}': expected {allowed}.");

    /// <summary>The query form of these options (round-trips through <see cref="Parse"/>).</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"width={Width}&height={Height}&fps={Fps}&seed={Seed}&speed={Speed}&beltwidth={BeltWidthM}&ppm={PixelsPerMetre}");
        sb.Append(ci, $"&feed={FeedRate}&hazard={HazardShare}&weights=gas_cylinder:{HazardWeights[0]},battery:{HazardWeights[1]},power_bank:{HazardWeights[2]},aerosol_can:{HazardWeights[3]}");
        sb.Append(ci, $"&light={LightLevel}&flicker={FlickerHz}&flickerdepth={FlickerDepth}&drift={Drift}&noise={Noise}&exposure={ExposureMs}");
        sb.Append(ci, $"&occlusion={Occlusion}&clutter={Clutter}&pileup={Pileup}");
        string sep = "&kinds=";
        for (int i = 0; i < KindBoost.Length; i++)
        {
            if (KindBoost[i] == 1) continue;
            sb.Append(sep).Append(((ObjectKind)i).Name()).Append(':').Append(KindBoost[i].ToString(ci));
            sep = ",";
        }
        sb.Append("&belt=").Append(Belt is { } b ? SnakeCase(b.ToString()) : "auto");
        sb.Append("&lighting=").Append(Lighting is { } l ? SnakeCase(l.ToString()) : "auto");
        sb.Append("&variation=").Append(SnakeCase(Variation.ToString()));
        sb.Append("&warm=").Append(WarmStart ? "true" : "false");
        if (Scenario is not null) sb.Append("&scenario=").Append(Scenario);
        return sb.ToString();
    }
}
