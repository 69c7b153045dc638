using System.Globalization;
using System.Text;
using System.Text.Json;
using TriVision.Core.Imaging;
using TriVision.Simulation.Objects;
using TriVision.Simulation.Rendering;

namespace TriVision.Simulation.Dataset;

/// <summary>
/// Writes a YOLO-format dataset from the simulator: images/{train,val,test}/NNNNNN.png,
/// labels/{split}/NNNNNN.txt ("cls cx cy w h", normalised), data.yaml and manifest.json.
/// Each image is an independent random scene (belt phase, load, objects, lighting, blur, noise).
/// Train and val use <see cref="DatasetOptions.TrainVariation"/>; test uses the holdout belts and
/// lighting and its own seed. Image i depends only on (seed, split, i), never on thread timing.
/// </summary>
public static class DatasetWriter
{
    public static DatasetSummary Write(DatasetOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string root = Path.GetFullPath(options.OutputDirectory);
        var (nTrain, nVal, _) = options.SplitCounts();
        string[] splitNames = ["train", "val", "test"];
        try
        {
            foreach (string s in splitNames)
            {
                Directory.CreateDirectory(Path.Combine(root, "images", s));
                Directory.CreateDirectory(Path.Combine(root, "labels", s));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create dataset folders under '{root}': {e.Message}", e);
        }

        int[] images = new int[3];
        long[,] instances = new long[3, SimClasses.Count];
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, options.Count, po, () => new Scratch(), (i, _, scratch) =>
        {
            DatasetSplit split = i < nTrain ? DatasetSplit.Train : i < nTrain + nVal ? DatasetSplit.Val : DatasetSplit.Test;
            WriteImage(options, root, splitNames[(int)split], split, i, scratch);
            lock (instances)
            {
                images[(int)split]++;
                for (int c = 0; c < SimClasses.Count; c++) instances[(int)split, c] += scratch.ClassCounts[c];
            }
            progress?.Report(Interlocked.Increment(ref done));
            return scratch;
        }, _ => { });

        WriteDataYaml(root);
        var summary = new DatasetSummary(root, images, instances);
        WriteManifest(root, options, summary);
        return summary;
    }

    private sealed class Scratch
    {
        public byte[] Pixels = [];
        public readonly int[] ClassCounts = new int[SimClasses.Count];
        public readonly StringBuilder Label = new();
    }

    /// <summary>The random scene parameters for one image (public so a test or a viewer can reproduce one image).</summary>
    public static SimulatorOptions SceneOptions(DatasetOptions options, DatasetSplit split, int index)
    {
        ulong seed = split == DatasetSplit.Test ? options.EffectiveTestSeed : options.Seed;
        var rng = SimRandom.Derive(seed, 77, (ulong)index);
        var variation = split == DatasetSplit.Test ? options.TestVariation : options.TrainVariation;
        double speed = rng.Range(0.5, 2.5);
        double density = rng.Range(1.2, 6.0); // objects per metre of belt
        var o = new SimulatorOptions
        {
            Width = options.Width,
            Height = options.Height,
            Seed = rng.NextULong(),
            Speed = speed,
            BeltWidthM = rng.Range(1.0, 1.2),
            FeedRate = Math.Min(40, density * speed),
            HazardShare = Math.Clamp(options.HazardShare + rng.Range(-0.1, 0.1), 0, 1),
            HazardWeights = (double[])options.HazardWeights.Clone(),
            KindBoost = (double[])options.KindBoost.Clone(),
            LightLevel = rng.Range(0.65, 1.35),
            FlickerHz = rng.Chance(0.3) ? 100 : 0,
            FlickerDepth = rng.Range(0, 0.15),
            Drift = rng.Range(0, 0.15),
            Noise = rng.Range(0.5, 6),
            ExposureMs = rng.Range(0.3, 4),
            Occlusion = Math.Min(1, rng.Range(0.05, 0.3) * options.Crowding),
            Clutter = rng.Range(0, 15),
            Pileup = Math.Min(1, rng.Range(0, 0.12) * options.Crowding),
            Variation = variation,
            WarmStart = true,
        };
        return o;
    }

    /// <summary>
    /// The simulator for one dataset image, positioned so that its first <see cref="BeltSimulator.RenderNext"/>
    /// renders exactly that image (what <see cref="Write"/> saves).
    /// </summary>
    public static BeltSimulator CreateScene(DatasetOptions options, DatasetSplit split, int index)
    {
        SimulatorOptions so = SceneOptions(options, split, index);
        // A still never scrolls, so a belt tile as wide as the frame is enough.
        return new BeltSimulator(so, null, so.Width);
    }

    private static void WriteImage(DatasetOptions options, string root, string splitName, DatasetSplit split, int index, Scratch scratch)
    {
        BeltSimulator sim = CreateScene(options, split, index);
        SimulatorOptions so = sim.Options;
        int size = sim.Format.BufferSize;
        if (scratch.Pixels.Length < size) scratch.Pixels = new byte[size];
        SimFrame frame = sim.RenderNext(scratch.Pixels);
        Array.Clear(scratch.ClassCounts);
        StringBuilder sb = scratch.Label.Clear();
        var ci = CultureInfo.InvariantCulture;
        double w = so.Width, h = so.Height;
        foreach (SimObjectTruth t in frame.Objects)
        {
            if (t.VisibleFraction < options.MinVisibleFraction || t.Box.Width < options.MinBoxSide || t.Box.Height < options.MinBoxSide) continue;
            sb.Append(ci, $"{t.ClassId} {t.Box.CenterX / w:0.######} {t.Box.CenterY / h:0.######} {t.Box.Width / w:0.######} {t.Box.Height / h:0.######}\n");
            scratch.ClassCounts[t.ClassId]++;
        }
        string name = index.ToString("D6", ci);
        try
        {
            using (var fs = new FileStream(Path.Combine(root, "images", splitName, name + ".png"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                PngEncoder.Encode(scratch.Pixels.AsSpan(0, size), sim.Format, fs, options.PngCompression);
            File.WriteAllText(Path.Combine(root, "labels", splitName, name + ".txt"), sb.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write dataset image {name} under '{root}': {e.Message}", e);
        }
    }

    private static void WriteDataYaml(string root)
    {
        var sb = new StringBuilder();
        sb.Append("# YOLO dataset written by TriVision's belt simulator (DatasetWriter).\n");
        sb.Append("path: ").Append(root).Append('\n');
        sb.Append("train: images/train\nval: images/val\ntest: images/test\n");
        sb.Append("nc: ").Append(SimClasses.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("names: [");
        for (int i = 0; i < SimClasses.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append('\'').Append(SimClasses.Names[i]).Append('\'');
        }
        sb.Append("]\n");
        File.WriteAllText(Path.Combine(root, "data.yaml"), sb.ToString());
    }

    private static void WriteManifest(string root, DatasetOptions o, DatasetSummary s)
    {
        using var fs = File.Create(Path.Combine(root, "manifest.json"));
        using var j = new Utf8JsonWriter(fs, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("generator", "TriVision.Simulation.DatasetWriter");
        j.WriteNumber("seed", o.Seed);
        j.WriteNumber("test_seed", o.EffectiveTestSeed);
        j.WriteStartObject("options");
        j.WriteNumber("count", o.Count);
        j.WriteNumber("width", o.Width);
        j.WriteNumber("height", o.Height);
        j.WriteStartArray("splits");
        j.WriteNumberValue(o.TrainFraction); j.WriteNumberValue(o.ValFraction); j.WriteNumberValue(o.TestFraction);
        j.WriteEndArray();
        j.WriteNumber("hazard_share", o.HazardShare);
        j.WriteStartObject("hazard_weights");
        for (int c = 0; c < 4; c++) j.WriteNumber(SimClasses.Names[c], o.HazardWeights[c]);
        j.WriteEndObject();
        j.WriteNumber("crowding", o.Crowding);
        j.WriteStartObject("kind_multipliers"); // only the kinds not at 1
        for (int k = 0; k < o.KindBoost.Length; k++)
            if (o.KindBoost[k] != 1) j.WriteNumber(((ObjectKind)k).Name(), o.KindBoost[k]);
        j.WriteEndObject();
        j.WriteString("train_variation", o.TrainVariation.ToString().ToLowerInvariant());
        j.WriteString("test_variation", o.TestVariation.ToString().ToLowerInvariant());
        j.WriteNumber("min_visible_fraction", o.MinVisibleFraction);
        j.WriteNumber("min_box_side", o.MinBoxSide);
        j.WriteEndObject();
        j.WriteStartArray("names");
        foreach (string n in SimClasses.Names) j.WriteStringValue(n);
        j.WriteEndArray();
        j.WriteStartObject("splits");
        string[] names = ["train", "val", "test"];
        for (int sp = 0; sp < 3; sp++)
        {
            j.WriteStartObject(names[sp]);
            j.WriteNumber("images", s.Images[sp]);
            j.WriteStartObject("instances");
            for (int c = 0; c < SimClasses.Count; c++) j.WriteNumber(SimClasses.Names[c], s.Instances[sp, c]);
            j.WriteEndObject();
            j.WriteEndObject();
        }
        j.WriteEndObject();
        j.WriteStartObject("counts_per_class");
        for (int c = 0; c < SimClasses.Count; c++)
        {
            long total = 0;
            for (int sp = 0; sp < 3; sp++) total += s.Instances[sp, c];
            j.WriteNumber(SimClasses.Names[c], total);
        }
        j.WriteEndObject();
        j.WriteEndObject();
    }
}
