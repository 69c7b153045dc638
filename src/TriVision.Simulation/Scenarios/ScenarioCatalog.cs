using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Scenarios;

/// <summary>
/// The named scenarios that the analytics evaluation runs. Each is built from a seed: the same
/// name and seed give the same timeline, scripted objects and labels.
/// </summary>
public static class ScenarioCatalog
{
    private static readonly (string Name, Func<ulong, Scenario> Build)[] Entries =
    [
        ("hazard_mixed", HazardMixed),
        ("hazard_occluded", HazardOccluded),
        ("hazard_fast", HazardFast),
        ("normal_waste", NormalWaste),
        ("feed_surge", FeedSurge),
        ("belt_slowdown", BeltSlowdown),
        ("stall", Stall),
        ("pileup_transfer", PileupTransfer),
        ("normal_flow", NormalFlow),
    ];

    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Entries, e => e.Name);

    /// <summary>The scenario of that name built for <paramref name="seed"/>, or null if the name is unknown.</summary>
    public static Scenario? Find(string name, ulong seed = 1)
    {
        foreach (var (n, build) in Entries)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return build(seed);
        return null;
    }

    /// <summary>Like <see cref="Find"/> but throws an <see cref="ArgumentException"/> listing the names.</summary>
    public static Scenario Get(string name, ulong seed = 1) =>
        Find(name, seed) ?? throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Every scenario for one seed.</summary>
    public static IReadOnlyList<Scenario> All(ulong seed = 1) => Array.ConvertAll(Entries, e => e.Build(seed));

    private static SimRandom Rng(ulong seed, string name)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in name) h = (h ^ c) * 1099511628211UL;
        return SimRandom.Derive(seed, h);
    }

    private static ObjectKind RandomHazard(ref SimRandom rng)
    {
        // Class first (equal shares), then a kind within it, so every class is well represented.
        int cls = rng.Next(0, 4);
        ReadOnlySpan<(ObjectKind Kind, double Weight)> kinds = ObjectKinds.KindsOf(cls);
        double total = 0;
        foreach (var k in kinds) total += k.Weight;
        double pick = rng.NextDouble() * total;
        foreach (var k in kinds)
        {
            pick -= k.Weight;
            if (pick < 0) return k.Kind;
        }
        return kinds[^1].Kind;
    }

    private static List<ScriptedObject> Hazards(ref SimRandom rng, double start, double end, double minGap, double maxGap, double coveredShare, double minCover, double maxCover)
    {
        var list = new List<ScriptedObject>();
        for (double t = start + rng.Range(0, maxGap); t < end; t += rng.Range(minGap, maxGap))
        {
            double cover = rng.Chance(coveredShare) ? rng.Range(minCover, maxCover) : 0;
            list.Add(new ScriptedObject(t, RandomHazard(ref rng), rng.Range(0.1, 0.9), cover));
        }
        return list;
    }

    private static Scenario HazardMixed(ulong seed)
    {
        var rng = Rng(seed, "hazard_mixed");
        const double duration = 600;
        return new Scenario("hazard_mixed", "Ten minutes of mixed waste at 1 m/s with a hazard every 10-20 s, a fifth of them partly covered.",
            ScenarioKind.Hazard, seed, duration, [new(0, 1.0, 2.0, false, "normal")],
            Hazards(ref rng, 5, duration - 10, 10, 20, 0.2, 0.15, 0.4), null, 0);
    }

    private static Scenario HazardOccluded(ulong seed)
    {
        var rng = Rng(seed, "hazard_occluded");
        const double duration = 300;
        return new Scenario("hazard_occluded", "Dense waste (3 objects/s) with hazards every 8-16 s, most of them partly covered by waste.",
            ScenarioKind.Hazard, seed, duration, [new(0, 1.0, 3.0, false, "normal")],
            Hazards(ref rng, 5, duration - 10, 8, 16, 0.7, 0.2, 0.5), null, 0);
    }

    private static Scenario HazardFast(ulong seed)
    {
        var rng = Rng(seed, "hazard_fast");
        const double duration = 300;
        return new Scenario("hazard_fast", "A fast belt (2 m/s, objects in view for 1 s) with hazards every 8-16 s.",
            ScenarioKind.Hazard, seed, duration, [new(0, 2.0, 3.0, false, "normal")],
            Hazards(ref rng, 5, duration - 10, 8, 16, 0.15, 0.15, 0.35), null, 0);
    }

    private static Scenario NormalWaste(ulong seed)
    {
        var rng = Rng(seed, "normal_waste");
        const double duration = 3600;
        var keys = new List<ScenarioKeyframe>();
        for (double t = 0; t < duration; t += 60) keys.Add(new(t, 1.0, rng.Range(1.5, 3.0), false, "normal"));
        return new Scenario("normal_waste", "An hour of waste with no hazards at all: every hazard alarm is a false alarm.",
            ScenarioKind.NormalWaste, seed, duration, keys, [], null, 0);
    }

    private static Scenario FeedSurge(ulong seed)
    {
        var rng = Rng(seed, "feed_surge");
        double surge = rng.Range(50, 70), peak = surge + rng.Range(35, 50), onset = peak + rng.Range(10, 20);
        double baseFeed = rng.Range(1.8, 2.4);
        return new Scenario("feed_surge", "Feed rises from ~2 to ~10 objects/s; the overloaded belt trips and stops at the jam onset.",
            ScenarioKind.Jam, seed, onset + 40,
            [
                new(0, 1.0, baseFeed, false, "normal"),
                new(surge, 1.0, baseFeed, false, "surge"),
                new(peak, 1.0, rng.Range(9, 11), false, "surge"),
                new(onset, 1.0, 10, false, "jammed"),
                new(onset + 2, 0, 0, false, "jammed"),
            ], [], onset, 0);
    }

    private static Scenario BeltSlowdown(ulong seed)
    {
        var rng = Rng(seed, "belt_slowdown");
        double start = rng.Range(50, 70), low = start + rng.Range(45, 60), onset = low + rng.Range(5, 10);
        double feed = rng.Range(2.2, 2.8);
        return new Scenario("belt_slowdown", "Drive slip: belt speed falls from 1.2 to 0.25 m/s at constant feed, loading the belt until it stalls at the onset.",
            ScenarioKind.Jam, seed, onset + 40,
            [
                new(0, 1.2, feed, false, "normal"),
                new(start, 1.2, feed, false, "slowdown"),
                new(low, 0.25, feed, false, "slowdown"),
                new(onset, 0.25, feed, false, "jammed"),
                new(onset + 1, 0, 0, false, "jammed"),
            ], [], onset, 0);
    }

    private static Scenario Stall(ulong seed)
    {
        var rng = Rng(seed, "stall");
        double stutter = rng.Range(55, 70), onset = stutter + rng.Range(45, 55);
        double feed = rng.Range(1.8, 2.4);
        var keys = new List<ScenarioKeyframe> { new(0, 1.0, feed, false, "normal"), new(stutter, 1.0, feed, false, "stutter") };
        // Hiccups that come more often and run deeper as the drive fails.
        double t = stutter + rng.Range(1, 3);
        while (t < onset - 3)
        {
            double progress = (t - stutter) / (onset - stutter);
            double depth = 0.7 - 0.5 * progress, dip = rng.Range(0.4, 0.8 + progress);
            keys.Add(new(t, 1.0, feed, false, "stutter"));
            keys.Add(new(t + 0.2, depth, feed, false, "stutter"));
            keys.Add(new(t + 0.2 + dip, depth, feed, false, "stutter"));
            keys.Add(new(t + 0.4 + dip, 1.0 - 0.3 * progress, feed, false, "stutter"));
            t += 0.4 + dip + rng.Range(2.0, 5.5) * (1 - progress) + 0.6;
        }
        keys.Add(new(onset, 0.7, feed, false, "jammed"));
        keys.Add(new(onset + 0.5, 0, 0, false, "jammed"));
        return new Scenario("stall", "The drive stutters (speed dips, more often and deeper) and then stalls at the onset.",
            ScenarioKind.Jam, seed, onset + 40, keys, [], onset, 0);
    }

    private static Scenario PileupTransfer(ulong seed)
    {
        var rng = Rng(seed, "pileup_transfer");
        double block = rng.Range(50, 70), onset = block + rng.Range(30, 45);
        double feed = rng.Range(2.0, 2.6);
        return new Scenario("pileup_transfer", "Material hangs up at a transfer point in view; a pile grows back up the belt until the line trips at the onset.",
            ScenarioKind.Jam, seed, onset + 40,
            [
                new(0, 1.0, feed, false, "normal"),
                new(block, 1.0, feed, true, "blocked"),
                new(onset, 1.0, feed, true, "jammed"),
                new(onset + 1.5, 0, 0, true, "jammed"),
            ], [], onset, 0);
    }

    private static Scenario NormalFlow(ulong seed)
    {
        var rng = Rng(seed, "normal_flow");
        const double duration = 3600;
        var keys = new List<ScenarioKeyframe>();
        for (double t = 0; t < duration; t += 30)
        {
            // Ordinary variation: feed swings and short speed changes that are not jams.
            keys.Add(new(t, rng.Chance(0.1) ? rng.Range(0.8, 1.2) : 1.0, rng.Range(1.3, 3.2), false, "normal"));
        }
        return new Scenario("normal_flow", "An hour of normal flow with ordinary feed swings and no jam: every jam warning is false.",
            ScenarioKind.NormalFlow, seed, duration, keys, [], null, 0.02);
    }
}
