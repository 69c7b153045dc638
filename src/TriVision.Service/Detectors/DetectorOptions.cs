namespace TriVision.Service.Detectors;

/// <summary>What the CLI (and later the service configuration) asks of a detector.</summary>
/// <param name="ModelPath">Path of the .onnx model; the CLI has checked that it exists.</param>
/// <param name="Provider">Execution provider: cpu, cuda, tensorrt or auto.</param>
/// <param name="Strict">True: an unavailable requested provider is an error. False: fall back to CPU with a loud warning.</param>
/// <param name="LabelsPath">Optional labels file (one class name per line) that overrides the model's own names.</param>
/// <param name="ConfidenceThreshold">Minimum score kept.</param>
/// <param name="IouThreshold">IoU above which class-aware NMS suppresses the weaker box.</param>
/// <param name="MaxDetections">Most boxes kept per frame after NMS.</param>
/// <param name="IntraOpThreads">ONNX Runtime threads inside one operator; 0 = one per physical core (ORT's default).</param>
/// <param name="AllowSpinning">ONNX Runtime threads busy-wait between operators (null: ORT's default, on).</param>
public sealed record DetectorOptions(
    string ModelPath,
    string Provider,
    bool Strict,
    string? LabelsPath,
    float ConfidenceThreshold,
    float IouThreshold,
    int MaxDetections = 300,
    int IntraOpThreads = 0,
    bool? AllowSpinning = null);
