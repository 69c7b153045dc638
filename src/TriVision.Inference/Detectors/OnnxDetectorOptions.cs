using TriVision.Inference.Decoding;
using TriVision.Inference.Onnx;

namespace TriVision.Inference.Detectors;

/// <summary>Everything an <see cref="OnnxDetector"/> needs: the model, where it runs, and how its output is read.</summary>
public sealed record OnnxDetectorOptions
{
    /// <summary>Path of the .onnx file.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Session settings: provider, strictness, threads.</summary>
    public SessionConfig Session { get; init; } = new();

    /// <summary>Thresholds, NMS and an optional layout override.</summary>
    public DecoderOptions Decoder { get; init; } = new();

    /// <summary>Optional labels file (one name per line) that replaces the model's own <c>names</c> metadata.</summary>
    public string? LabelsPath { get; init; }
}
