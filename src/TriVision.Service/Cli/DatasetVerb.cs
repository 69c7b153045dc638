using System.CommandLine;
using System.Globalization;
using TriVision.Simulation;
using TriVision.Simulation.Dataset;

namespace TriVision.Service.Cli;

/// <summary>
/// <c>trivision dataset</c>: writes a YOLO-format dataset (images, labels, data.yaml, train/val/test)
/// rendered by the belt simulator; the test split uses belt textures and lighting that the
/// train split never shows, and its own seed.
/// </summary>
public sealed class DatasetVerb : ICliVerb
{
    public Command Create(CliContext context)
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of the train/val images (same seed, same dataset)", Required = true, HelpName = "N" };
        var testSeed = new Option<ulong?>("--test-seed") { Description = "Seed of the test split (default: seed + 1000003)", HelpName = "N" };
        var count = new Option<int>("--count") { Description = "Number of images over all splits", Required = true, HelpName = "K" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder (created)", Required = true, HelpName = "DIR" };
        var width = new Option<int>("--width") { Description = "Image width in pixels", DefaultValueFactory = _ => 960 };
        var height = new Option<int>("--height") { Description = "Image height in pixels", DefaultValueFactory = _ => 540 };
        var splits = new Option<string>("--splits") { Description = "Train,val,test fractions", DefaultValueFactory = _ => "0.8,0.1,0.1", HelpName = "T,V,T" };
        var hazardShare = new Option<double>("--hazard-share") { Description = "Share of objects that are hazards (0..1)", DefaultValueFactory = _ => 0.45 };
        var crowding = new Option<double>("--crowding") { Description = "Multiplier on the chance of objects lying on one another and of heaps (1 = plain)", DefaultValueFactory = _ => 1.0 };
        var kinds = new Option<string?>("--kinds") { Description = "Multipliers on fine kinds' frequencies, e.g. metal_can:3,nine_volt:2 (1 = plain)", HelpName = "KIND:X,..." };
        var threads = new Option<int>("--threads") { Description = "Images rendered in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("dataset", "Render a YOLO-format dataset (images, labels, data.yaml, splits) from the belt simulator")
        {
            seed, testSeed, count, output, width, height, splits, hazardShare, crowding, kinds, threads,
        };
        command.SetAction(parse =>
        {
            var options = new DatasetOptions
            {
                Seed = parse.GetValue(seed),
                TestSeed = parse.GetValue(testSeed),
                Count = parse.GetValue(count),
                OutputDirectory = parse.GetRequiredValue(output).FullName,
                Width = parse.GetValue(width),
                Height = parse.GetValue(height),
                HazardShare = parse.GetValue(hazardShare),
                Crowding = parse.GetValue(crowding),
                MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(threads)),
            };
            (options.TrainFraction, options.ValFraction, options.TestFraction) = ParseSplits(parse.GetValue(splits)!);
            if (parse.GetValue(kinds) is { } k)
            {
                try { options.KindBoost = SimulatorOptions.ParseKindBoost("--kinds", k); }
                catch (ArgumentException e) { throw new CliException(CliExitCode.Usage, e.Message); }
            }
            return Run(context, options);
        });
        return command;
    }

    private static (double, double, double) ParseSplits(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double t)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double s))
            throw new CliException(CliExitCode.Usage, $"--splits '{text}' must be three fractions like 0.8,0.1,0.1");
        return (t, v, s);
    }

    private static int Run(CliContext context, DatasetOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CliException(CliExitCode.Usage, ex.Message, ex);
        }

        DatasetSummary? summary = null;
        CliProgress.Run(context, "rendering dataset", options.Count, step =>
        {
            var gate = new object();
            var progress = new SynchronousProgress(() => { lock (gate) step(); });
            try
            {
                summary = DatasetWriter.Write(options, progress);
            }
            catch (IOException ex)
            {
                throw new CliException(CliExitCode.RuntimeFailure, ex.Message, ex);
            }
        });

        var s = summary!;
        context.Error.WriteLine($"dataset: {s.Images[0]} train, {s.Images[1]} val, {s.Images[2]} test images in {s.Root}");
        for (int c = 0; c < SimClasses.Count; c++)
        {
            long total = s.InstancesOf(DatasetSplit.Train, c) + s.InstancesOf(DatasetSplit.Val, c) + s.InstancesOf(DatasetSplit.Test, c);
            context.Error.WriteLine($"  {SimClasses.Names[c],-14} {total,7} instances");
        }
        context.Output.WriteLine(s.DataYamlPath);
        return CliExitCode.Success;
    }

    /// <summary>IProgress that calls back on the reporting thread (Progress&lt;T&gt; would post to a context).</summary>
    private sealed class SynchronousProgress(Action onReport) : IProgress<int>
    {
        public void Report(int value) => onReport();
    }
}
