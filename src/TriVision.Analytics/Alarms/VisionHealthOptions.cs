namespace TriVision.Analytics.Alarms;

public sealed class VisionHealthOptions
{
    /// <summary>A camera that delivered no frame for this long is faulty.</summary>
    public int CameraTimeoutMs { get; set; } = 5000;

    /// <summary>Frames arrive but no inference completed for this long: inference stalled.</summary>
    public int InferenceStallMs { get; set; } = 3000;

    /// <summary>Share of frames dropped over <see cref="DropWindowMs"/> above which vision is degraded.</summary>
    public float MaxDropRate { get; set; } = 0.2f;

    public int DropWindowMs { get; set; } = 10_000;

    public void Validate()
    {
        if (CameraTimeoutMs < 100) throw new ArgumentException($"VisionHealth:CameraTimeoutMs = {CameraTimeoutMs}: must be >= 100.");
        if (InferenceStallMs < 100) throw new ArgumentException($"VisionHealth:InferenceStallMs = {InferenceStallMs}: must be >= 100.");
        if (!(MaxDropRate >= 0 && MaxDropRate <= 1)) throw new ArgumentException($"VisionHealth:MaxDropRate = {MaxDropRate}: must be in [0, 1].");
        if (DropWindowMs < 1000) throw new ArgumentException($"VisionHealth:DropWindowMs = {DropWindowMs}: must be >= 1000.");
    }
}
