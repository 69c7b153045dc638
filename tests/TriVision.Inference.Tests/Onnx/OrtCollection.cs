namespace TriVision.Inference.Tests.Onnx;

/// <summary>
/// ORT tests run one at a time: they share one process-wide ORT environment, some read
/// process-wide counters, and two cores are enough for one ORT session at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OrtCollection
{
    public const string Name = "ORT";
}
