using System.IO.Compression;
using TriVision.Simulation.Rendering;

namespace TriVision.Simulation.Dataset;

/// <summary>What <see cref="DatasetWriter"/> writes. Every property has a documented default.</summary>
public sealed class DatasetOptions
{
    /// <summary>Seed for the train and val splits. The same options give byte-identical datasets.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Seed for the test split; default <see cref="Seed"/> + 1000003 so that test scenes never repeat training ones.</summary>
    public ulong? TestSeed { get; set; }

    /// <summary>Total number of images over all splits.</summary>
    public int Count { get; set; } = 1000;

    /// <summary>Output folder (created if missing; existing files of the same names are overwritten).</summary>
    public string OutputDirectory { get; set; } = "dataset";

    /// <summary>Image width, pixels (64-4096). Default 960 as the simulator's camera.</summary>
    public int Width { get; set; } = 960;

    /// <summary>Image height, pixels (64-4096). Default 540; the belt's width spans it.</summary>
    public int Height { get; set; } = 540;

    /// <summary>Shares of train / val / test (normalised to sum 1). Default 0.8 / 0.1 / 0.1.</summary>
    public double TrainFraction { get; set; } = 0.8;
    public double ValFraction { get; set; } = 0.1;
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Share of objects that are hazards (0-1). 0.45: far above a real stream so that every class is well sampled.</summary>
    public double HazardShare { get; set; } = 0.45;

    /// <summary>Relative weights of gas_cylinder, battery, power_bank, aerosol_can among hazards.</summary>
    public double[] HazardWeights { get; set; } = [1.0, 1.6, 1.0, 1.0];

    /// <summary>
    /// Multiplies each image's chance of objects arriving on top of one another (occlusion) and of heaps
    /// (pile-up), capped at 1. Default 1. Above 1 renders more hazards lying on or under other objects, the
    /// case the detector finds hardest; the random draws are the same, so crowding 1 is the plain dataset.
    /// </summary>
    public double Crowding { get; set; } = 1;

    /// <summary>Multipliers on the fine kinds' frequencies (see <see cref="SimulatorOptions.KindBoost"/>); default all 1.</summary>
    public double[] KindBoost { get; set; } = SimulatorOptions.DefaultKindBoost();

    /// <summary>Belt textures and lighting for train and val images (default: the train set).</summary>
    public Variation TrainVariation { get; set; } = Variation.Train;

    /// <summary>Belt textures and lighting for test images (default: the holdout set, never seen in training).</summary>
    public Variation TestVariation { get; set; } = Variation.Holdout;

    /// <summary>Objects less visible than this (cut by the frame edge or covered) get no label. Default 0.3.</summary>
    public double MinVisibleFraction { get; set; } = 0.3;

    /// <summary>
    /// Objects whose visible box is narrower than this many pixels on either side get no label.
    /// Default 3: an AAA cell lying along the belt is only ~5 px wide at 540 px, and an unlabelled
    /// battery would teach the detector to ignore batteries.
    /// </summary>
    public int MinBoxSide { get; set; } = 3;

    /// <summary>Worker threads; results do not depend on it. Default: all cores.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>PNG zlib level. Optimal: sensor noise makes "Fastest" (zlib-ng's static-Huffman quick mode) store images almost uncompressed (1.5 MB instead of 1.0 MB at 960x540).</summary>
    public CompressionLevel PngCompression { get; set; } = CompressionLevel.Optimal;

    public ulong EffectiveTestSeed => TestSeed ?? Seed + 1000003;

    public void Validate()
    {
        if (Count < 1) throw new ArgumentException($"Dataset option 'count' = {Count}: expected at least 1 image.");
        if (Width is < 64 or > 4096) throw new ArgumentException($"Dataset option 'width' = {Width}: expected 64 to 4096 pixels.");
        if (Height is < 64 or > 4096) throw new ArgumentException($"Dataset option 'height' = {Height}: expected 64 to 4096 pixels.");
        if (!(TrainFraction >= 0 && ValFraction >= 0 && TestFraction >= 0) || TrainFraction + ValFraction + TestFraction <= 0)
            throw new ArgumentException($"Dataset splits {TrainFraction}/{ValFraction}/{TestFraction}: expected non-negative shares with a positive sum.");
        if (!(HazardShare >= 0 && HazardShare <= 1)) throw new ArgumentException($"Dataset option 'hazard' = {HazardShare}: expected 0 to 1.");
        if (!(Crowding >= 0 && Crowding <= 10)) throw new ArgumentException($"Dataset option 'crowding' = {Crowding}: expected 0 to 10.");
        new SimulatorOptions { KindBoost = KindBoost }.Validate();
        if (HazardWeights is not { Length: 4 }) throw new ArgumentException("Dataset option 'weights' must hold 4 weights (gas_cylinder, battery, power_bank, aerosol_can).");
        if (!(MinVisibleFraction >= 0 && MinVisibleFraction <= 1)) throw new ArgumentException($"Dataset option 'min visible' = {MinVisibleFraction}: expected 0 to 1.");
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new ArgumentException("Dataset option 'out' is empty: give an output folder.");
        if (MaxDegreeOfParallelism < 1) throw new ArgumentException($"Dataset option 'parallelism' = {MaxDegreeOfParallelism}: expected at least 1.");
    }

    /// <summary>Image counts per split (train, val, test), summing to <see cref="Count"/>.</summary>
    public (int Train, int Val, int Test) SplitCounts()
    {
        double sum = TrainFraction + ValFraction + TestFraction;
        int val = (int)Math.Round(Count * ValFraction / sum);
        int test = (int)Math.Round(Count * TestFraction / sum);
        if (val + test > Count) test = Count - val;
        return (Count - val - test, val, test);
    }
}
