using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TriVision.Core.Imaging;
using TriVision.Simulation;
using TriVision.Simulation.Dataset;

namespace TriVision.Simulation.Tests;

public class DatasetWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "trivision-ds-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private DatasetOptions Options(string sub, int threads) => new()
    {
        Seed = 5, Count = 10, Width = 320, Height = 180, OutputDirectory = Path.Combine(_dir, sub), MaxDegreeOfParallelism = threads,
    };

    [Fact]
    public void WritesYoloLayoutWithLabelsAndManifest()
    {
        var reports = new List<int>();
        var progress = new SyncProgress(reports);
        DatasetSummary s = DatasetWriter.Write(Options("a", 2), progress);
        string root = s.Root;
        Assert.Equal([8, 1, 1], s.Images);
        Assert.Equal(10, reports.Count);
        Assert.Equal(10, reports.Max());
        var line = new Regex(@"^[0-4] (0|1|0\.\d{1,6}) (0|1|0\.\d{1,6}) (0|1|0\.\d{1,6}) (0|1|0\.\d{1,6})$");
        long labelled = 0;
        foreach (var (split, first, n) in new[] { ("train", 0, 8), ("val", 8, 1), ("test", 9, 1) })
        {
            Assert.Equal(n, Directory.GetFiles(Path.Combine(root, "images", split), "*.png").Length);
            for (int i = first; i < first + n; i++)
            {
                string name = i.ToString("D6", CultureInfo.InvariantCulture);
                PngImage img = PngDecoder.Decode(Path.Combine(root, "images", split, name + ".png"));
                Assert.Equal(320, img.Width);
                Assert.Equal(180, img.Height);
                foreach (string l in File.ReadAllLines(Path.Combine(root, "labels", split, name + ".txt")))
                {
                    Assert.Matches(line, l);
                    labelled++;
                }
            }
        }
        Assert.True(labelled > 20, $"only {labelled} labels in 10 images");
        string yaml = File.ReadAllText(Path.Combine(root, "data.yaml"));
        Assert.Contains("train: images/train", yaml);
        Assert.Contains("test: images/test", yaml);
        Assert.Contains("nc: 5", yaml);
        Assert.Contains("names: ['gas_cylinder', 'battery', 'power_bank', 'aerosol_can', 'waste']", yaml);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest.json")));
        Assert.Equal(5UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.NotEqual(5UL, manifest.RootElement.GetProperty("test_seed").GetUInt64());
        JsonElement written = manifest.RootElement.GetProperty("options");
        Assert.Equal(1.0, written.GetProperty("crowding").GetDouble());
        Assert.Empty(written.GetProperty("kind_multipliers").EnumerateObject()); // the plain mix
        long manifestTotal = 0;
        foreach (var p in manifest.RootElement.GetProperty("counts_per_class").EnumerateObject()) manifestTotal += p.Value.GetInt64();
        Assert.Equal(labelled, manifestTotal);
    }

    [Fact]
    public void OutputDoesNotDependOnThreadCount()
    {
        DatasetSummary one = DatasetWriter.Write(Options("one", 1));
        DatasetSummary two = DatasetWriter.Write(Options("two", 2));
        foreach (string file in Directory.GetFiles(one.Root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(one.Root, file);
            if (rel is "data.yaml") continue; // holds the absolute path
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(two.Root, rel)));
        }
    }

    [Fact]
    public void Crowding_scales_occlusion_and_pileup_and_leaves_the_rest_of_the_scene_alone()
    {
        var plain = Options("x", 1);
        var crowded = Options("x", 1);
        crowded.Crowding = 3;
        for (int i = 0; i < 20; i++)
        {
            SimulatorOptions a = DatasetWriter.SceneOptions(plain, DatasetSplit.Train, i), b = DatasetWriter.SceneOptions(crowded, DatasetSplit.Train, i);
            Assert.Equal(Math.Min(1, a.Occlusion * 3), b.Occlusion, 12);
            Assert.Equal(Math.Min(1, a.Pileup * 3), b.Pileup, 12);
            Assert.Equal(a.Seed, b.Seed);
            Assert.Equal(a.FeedRate, b.FeedRate);
            Assert.Equal(a.Clutter, b.Clutter);
        }
        crowded.Crowding = 11;
        Assert.Contains("crowding", Assert.Throws<ArgumentException>(crowded.Validate).Message);
    }

    [Fact]
    public void TestSplitUsesHoldoutVariations()
    {
        var o = Options("x", 1);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(TriVision.Simulation.Rendering.Variation.Holdout, DatasetWriter.SceneOptions(o, DatasetSplit.Test, i).Variation);
            Assert.Equal(TriVision.Simulation.Rendering.Variation.Train, DatasetWriter.SceneOptions(o, DatasetSplit.Train, i).Variation);
        }
        var sim = new BeltSimulator(DatasetWriter.SceneOptions(o, DatasetSplit.Test, 3));
        Assert.True(sim.BeltTexture is TriVision.Simulation.Rendering.BeltTexture.BlueModular or TriVision.Simulation.Rendering.BeltTexture.WornBrown);
        Assert.True(sim.LightingPreset >= TriVision.Simulation.Rendering.LightingPreset.DimSodium);
    }

    [Fact]
    public void TrainingBeltsIncludeProceduralOnesAndNeverTheHoldoutBelts()
    {
        var o = Options("x", 1);
        int patterned = 0;
        for (int i = 0; i < 30; i++)
        {
            var train = new BeltSimulator(DatasetWriter.SceneOptions(o, DatasetSplit.Train, i)).BeltTexture;
            Assert.False(train is TriVision.Simulation.Rendering.BeltTexture.BlueModular or TriVision.Simulation.Rendering.BeltTexture.WornBrown, $"train image {i} drew holdout belt {train}");
            if (train == TriVision.Simulation.Rendering.BeltTexture.Patterned) patterned++;
            var test = new BeltSimulator(DatasetWriter.SceneOptions(o, DatasetSplit.Test, i)).BeltTexture;
            Assert.True(test is TriVision.Simulation.Rendering.BeltTexture.BlueModular or TriVision.Simulation.Rendering.BeltTexture.WornBrown, $"test image {i} drew {test}");
        }
        Assert.InRange(patterned, 4, 20); // a third in expectation
    }

    [Fact]
    public void RejectsBadOptions()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetWriter.Write(new DatasetOptions { Count = 0, OutputDirectory = _dir }));
        Assert.Contains("count", e.Message);
    }

    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
