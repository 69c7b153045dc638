using System.CommandLine;
using TriVision.Capture.Imaging;
using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Core.Native;
using TriVision.Core.Time;
using TriVision.Inference;
using TriVision.Service.Cli.Detect;
using TriVision.Service.Detectors;

namespace TriVision.Service.Cli;

/// <summary>
/// <c>trivision detect</c>: runs the detector over an image, a folder of images or a video file,
/// prints one JSON line per frame on stdout and optionally writes annotated JPEGs.
/// </summary>
public sealed class DetectVerb : ICliVerb
{
    /// <summary>Upper bound on detections kept per frame (the usual max_det of YOLO exports is 300).</summary>
    public const int MaxDetectionsPerFrame = 1024;

    public Command Create(CliContext context)
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "ONNX model file", Required = true, HelpName = "M.onnx" };
        var source = new Option<string>("--source", "-s") { Description = "An image, a folder of images, or a video file", Required = true, HelpName = "SRC" };
        var frames = new Option<int?>("--frames", "-n") { Description = "Stop after this many frames", HelpName = "N" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write an annotated JPEG per frame into this folder", HelpName = "DIR" };
        var provider = new Option<string>("--provider") { Description = "Execution provider", DefaultValueFactory = _ => "auto" };
        provider.AcceptOnlyFromAmong("cpu", "cuda", "tensorrt", "auto");
        var strict = new Option<bool>("--strict") { Description = "Fail when the requested provider is unavailable instead of falling back to CPU" };
        var labels = new Option<FileInfo?>("--labels") { Description = "Class names, one per line, overriding the model's own", HelpName = "FILE" };
        var confidence = new Option<float>("--conf") { Description = "Minimum score kept", HelpName = "0..1", DefaultValueFactory = _ => 0.25f };
        var spin = new Option<string>("--spin") { Description = "ONNX Runtime threads busy-wait between operators (on), sleep (off), or ORT's default", DefaultValueFactory = _ => "default" };
        spin.AcceptOnlyFromAmong("on", "off", "default");
        var iou = new Option<float>("--iou") { Description = "IoU threshold of non-maximum suppression", HelpName = "0..1", DefaultValueFactory = _ => 0.45f };

        frames.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0) r.AddError("--frames must be a positive number of frames.");
        });
        confidence.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float>() is < 0f or > 1f or float.NaN) r.AddError("--conf must be between 0 and 1.");
        });
        iou.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float>() is < 0f or > 1f or float.NaN) r.AddError("--iou must be between 0 and 1.");
        });

        var command = new Command("detect", "Detect objects in an image, a folder of images or a video file; one JSON line per frame on stdout")
        {
            model, source, frames, output, provider, strict, labels, confidence, iou, spin,
        };
        command.SetAction(parse => Run(context, new Request(
            parse.GetRequiredValue(model).FullName,
            parse.GetRequiredValue(source),
            parse.GetValue(frames),
            parse.GetValue(output)?.FullName,
            new DetectorOptions(
                parse.GetRequiredValue(model).FullName,
                parse.GetValue(provider) ?? "auto",
                parse.GetValue(strict),
                parse.GetValue(labels)?.FullName,
                parse.GetValue(confidence),
                parse.GetValue(iou),
                AllowSpinning: parse.GetValue(spin) switch { "on" => true, "off" => false, _ => null }))));
        return command;
    }

    private sealed record Request(string ModelPath, string Source, int? MaxFrames, string? OutputFolder, DetectorOptions Detector);

    private static int Run(CliContext context, Request request)
    {
        if (!File.Exists(request.ModelPath))
            throw new CliException(CliExitCode.NotFound, $"model not found: {request.ModelPath}");
        if (request.Detector.LabelsPath is { } labelsPath && !File.Exists(labelsPath))
            throw new CliException(CliExitCode.NotFound, $"labels file not found: {labelsPath}");

        using var source = DetectSourceFactory.Open(request.Source, request.MaxFrames, context.Error);
        string? outputFolder = PrepareOutputFolder(request.OutputFolder, request.Source);
        using var detector = CreateDetector(context.DetectorFactory, request.Detector);
        using var encoder = outputFolder is null ? null : new JpegEncoder();
        var annotator = new Annotator();
        var json = new DetectionJsonWriter(context.Output);
        var results = new Detection[MaxDetectionsPerFrame];

        int processed = 0, unreadable = 0, totalDetections = 0;
        double detectMsSum = 0;
        string? firstUnreadable = null;
        CliProgress.Run(context, source.Description, source.FrameCount, step =>
        {
            while (request.MaxFrames is not { } max || processed < max)
            {
                long t0 = MonotonicClock.NowNs;
                SourceFrame frame;
                try
                {
                    if (!source.TryReadNext(out frame)) break;
                }
                catch (ImageReadException ex) when (source.SkipsBadFrames)
                {
                    context.Error.WriteLine($"trivision: warning: {ex.Message} (skipped)");
                    firstUnreadable ??= ex.Message;
                    unreadable++;
                    step();
                    continue;
                }
                long t1 = MonotonicClock.NowNs;
                int count = detector.Detect(frame.Pixels, frame.Format, results);
                if ((uint)count > (uint)results.Length)
                    throw new InvalidOperationException($"Detector {detector.ModelName} reported {count} detections for a buffer of {results.Length}.");
                var detections = results.AsSpan(0, count);
                long t2 = MonotonicClock.NowNs;
                if (encoder is not null && frame.Format.PixelFormat is PixelFormat.Bgr8 or PixelFormat.Rgb8)
                {
                    annotator.Draw(frame.Pixels, frame.Format, detections, detector.ClassNames);
                    WriteJpeg(encoder.Encode(frame.Pixels, frame.Format), Path.Combine(outputFolder!, frame.OutputStem + ".jpg"));
                }
                long t3 = MonotonicClock.NowNs;
                json.Write(frame.SourceName, processed, frame.Format.Width, frame.Format.Height, detections, detector.ClassNames,
                    new StageLatency((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6));
                processed++;
                totalDetections += count;
                detectMsSum += (t2 - t1) / 1e6;
                step();
            }
        });
        json.Flush();

        context.Error.WriteLine(processed == 0
            ? $"detect: no frames processed from {request.Source}"
            : $"detect: {processed} frame(s), {totalDetections} detection(s), mean detect {detectMsSum / processed:0.0} ms, model {detector.ModelName}");
        if (unreadable > 0)
            throw new CliException(CliExitCode.InvalidInput,
                $"{unreadable} image(s) could not be read (first: {firstUnreadable}); the other {processed} were processed");
        return CliExitCode.Success;
    }

    private static IDetector CreateDetector(IDetectorFactory factory, DetectorOptions options)
    {
        try
        {
            return factory.Create(options);
        }
        catch (TriVision.Inference.Onnx.OnnxModelException ex)
        {
            // Its message already starts with the model's path.
            throw new CliException(CliExitCode.InvalidInput, $"cannot load model {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not (CliException or NativeLibraryNotFoundException or OutOfMemoryException))
        {
            // The model is user input: a corrupt file or an unknown layout is a message, not a crash.
            throw new CliException(CliExitCode.InvalidInput, $"cannot load model '{options.ModelPath}': {ex.Message}", ex);
        }
    }

    private static string? PrepareOutputFolder(string? folder, string source)
    {
        if (folder is null) return null;
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Directory.Exists(source) && string.Equals(full, Path.TrimEndingDirectorySeparator(Path.GetFullPath(source)), StringComparison.Ordinal))
            throw new CliException(CliExitCode.Usage, $"--out must not be the source folder ({full}): annotated images would overwrite the originals");
        try
        {
            Directory.CreateDirectory(full);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCode.RuntimeFailure, $"cannot create output folder '{full}': {ex.Message}", ex);
        }
    }

    private static void WriteJpeg(ReadOnlySpan<byte> jpeg, string path)
    {
        try
        {
            File.WriteAllBytes(path, jpeg);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCode.RuntimeFailure, $"cannot write '{path}': {ex.Message}", ex);
        }
    }
}
