using System.CommandLine;
using TriVision.Capture.Imaging;
using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Inference.Evaluation;
using TriVision.Service.Detectors;

namespace TriVision.Service.Cli;

/// <summary>
/// <c>trivision eval</c>: COCO-style AP@0.5 and AP@0.5:0.95 per class of a model on a YOLO-format
/// dataset split, precision/recall at the operating threshold and confusion between classes.
/// </summary>
public sealed class EvalVerb : ICliVerb
{
    // COCO evaluates the detector's whole ranked output: a low floor, many boxes.
    private const float RankingFloor = 0.001f;
    private const int MaxDetections = 300;

    public Command Create(CliContext context)
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "ONNX model file", Required = true, HelpName = "M.onnx" };
        var dataset = new Option<string>("--dataset", "-d") { Description = "YOLO dataset: its folder or its data.yaml", Required = true, HelpName = "DIR" };
        var split = new Option<string>("--split") { Description = "Split to evaluate", DefaultValueFactory = _ => "test" };
        var threshold = new Option<float>("--threshold") { Description = "Operating score threshold for precision, recall and confusion", DefaultValueFactory = _ => 0.25f, HelpName = "0..1" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the result as JSON to this file", HelpName = "FILE" };
        var provider = new Option<string>("--provider") { Description = "Execution provider", DefaultValueFactory = _ => "auto" };
        provider.AcceptOnlyFromAmong("cpu", "cuda", "tensorrt", "auto");
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N images of the split", HelpName = "N" };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float>() is < 0f or > 1f or float.NaN) r.AddError("--threshold must be between 0 and 1.");
        });

        var command = new Command("eval", "COCO-style evaluation of a model on a YOLO-format dataset (AP per class, precision/recall, confusion)")
        {
            model, dataset, split, threshold, json, provider, limit,
        };
        command.SetAction(parse => Run(context,
            parse.GetRequiredValue(model).FullName,
            parse.GetRequiredValue(dataset),
            parse.GetValue(split)!,
            parse.GetValue(threshold),
            parse.GetValue(json)?.FullName,
            parse.GetValue(provider) ?? "auto",
            parse.GetValue(limit)));
        return command;
    }

    private static int Run(CliContext context, string modelPath, string datasetPath, string split, float threshold,
        string? jsonPath, string provider, int? limit)
    {
        if (!File.Exists(modelPath)) throw new CliException(CliExitCode.NotFound, $"model not found: {modelPath}");
        YoloDataset data;
        IReadOnlyList<YoloImage> images;
        try
        {
            data = YoloDataset.Load(datasetPath);
            images = data.GetImages(split);
        }
        catch (DatasetFormatException ex)
        {
            throw new CliException(CliExitCode.InvalidInput, ex.Message, ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(CliExitCode.NotFound, ex.Message, ex);
        }
        if (images.Count == 0) throw new CliException(CliExitCode.InvalidInput, $"dataset split '{split}' of {data.YamlPath} has no images");
        int total = limit is > 0 ? Math.Min(limit.Value, images.Count) : images.Count;

        using var detector = context.DetectorFactory.Create(new DetectorOptions(modelPath, provider, Strict: false, LabelsPath: null,
            ConfidenceThreshold: RankingFloor, IouThreshold: 0.45f, MaxDetections: MaxDetections));
        if (detector.ClassNames.Count != data.Names.Count)
            throw new CliException(CliExitCode.InvalidInput,
                $"the model has {detector.ClassNames.Count} classes ({string.Join(", ", detector.ClassNames)}) but the dataset has {data.Names.Count} ({string.Join(", ", data.Names)})");
        for (int c = 0; c < data.Names.Count; c++)
            if (!string.Equals(detector.ClassNames[c], data.Names[c], StringComparison.Ordinal))
                context.Error.WriteLine($"trivision: warning: class {c} is '{detector.ClassNames[c]}' in the model but '{data.Names[c]}' in the dataset");

        var evaluator = new DetectionEvaluator(data.Names, threshold);
        using var reader = ImageFileReader.CreateDefault();
        var predictions = new Detection[MaxDetections];
        var truth = new List<GroundTruthBox>();
        CliProgress.Run(context, $"eval {Path.GetFileName(modelPath)} on {split}", total, step =>
        {
            for (int i = 0; i < total; i++)
            {
                var image = images[i];
                var format = reader.Read(image.ImagePath, PixelFormat.Bgr8, out var pixels);
                int n = detector.Detect(pixels, format, predictions);
                truth.Clear();
                YoloLabel[] labels;
                try
                {
                    labels = data.ReadLabels(image);
                }
                catch (DatasetFormatException ex)
                {
                    throw new CliException(CliExitCode.InvalidInput, ex.Message, ex);
                }
                foreach (var label in labels) truth.Add(label.ToPixels(format.Width, format.Height));
                evaluator.AddImage(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(truth), predictions.AsSpan(0, n));
                step();
            }
        });

        var result = evaluator.Compute();
        context.Error.WriteLine($"eval: {detector.ModelName} on {data.YamlPath} [{split}], {total} images");
        context.Output.Write(result.ToTable());
        if (jsonPath is not null)
        {
            try
            {
                File.WriteAllText(jsonPath, result.ToJson());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException(CliExitCode.RuntimeFailure, $"cannot write {jsonPath}: {ex.Message}", ex);
            }
        }
        return CliExitCode.Success;
    }
}
