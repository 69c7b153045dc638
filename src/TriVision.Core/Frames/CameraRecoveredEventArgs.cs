namespace TriVision.Core.Frames;

/// <summary>A source that had faulted delivers frames again.</summary>
public sealed class CameraRecoveredEventArgs : EventArgs
{
    public CameraRecoveredEventArgs(string cameraId, TimeSpan downtime, int attempts)
    {
        CameraId = cameraId;
        Downtime = downtime;
        Attempts = attempts;
    }

    public string CameraId { get; }

    /// <summary>From the fault to the first frame after it.</summary>
    public TimeSpan Downtime { get; }

    public int Attempts { get; }
}
