namespace TriVision.Inference.Onnx;

/// <summary>Whether a session runs as configured; <see cref="Reason"/> says why not.</summary>
public sealed record SessionHealth(HealthStatus Status, string? Reason)
{
    public static readonly SessionHealth Healthy = new(HealthStatus.Healthy, null);
}
