namespace TriVision.Inference.Onnx;

public enum HealthStatus
{
    Healthy,
    /// <summary>Works, but not as configured (e.g. a GPU provider fell back to CPU).</summary>
    Degraded,
}
