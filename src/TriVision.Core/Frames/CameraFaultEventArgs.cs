namespace TriVision.Core.Frames;

/// <summary>A source stopped delivering: stalled, disconnected or failed. A blind camera must say so.</summary>
public sealed class CameraFaultEventArgs : EventArgs
{
    public CameraFaultEventArgs(string cameraId, string message, Exception? exception, long timestampNs, int attempt)
    {
        CameraId = cameraId;
        Message = message;
        Exception = exception;
        TimestampNs = timestampNs;
        Attempt = attempt;
    }

    public string CameraId { get; }

    /// <summary>What is wrong, in words an operator can act on.</summary>
    public string Message { get; }

    public Exception? Exception { get; }

    /// <summary>When the fault was detected, on the monotonic clock.</summary>
    public long TimestampNs { get; }

    /// <summary>Consecutive failed attempts so far (1 for the first fault).</summary>
    public int Attempt { get; }

    public override string ToString() => $"camera '{CameraId}' fault: {Message}";
}
