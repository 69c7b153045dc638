namespace TriVision.Core.Frames;

/// <summary>
/// A camera or stream that writes frames into its own <see cref="FramePool"/> and pushes them to a
/// sink (usually a <see cref="LatestFrameSlot"/>, from which the pipeline pulls). Sources never
/// throw from their capture thread: failures become <see cref="Faulted"/> events, and a source
/// that can come back reconnects on its own and raises <see cref="Recovered"/>.
/// </summary>
public interface IFrameSource : IDisposable
{
    string CameraId { get; }

    /// <summary>The frame format; valid after <see cref="Open"/>.</summary>
    FrameFormat Format { get; }

    /// <summary>The pool frames are captured into; valid after <see cref="Open"/>.</summary>
    FramePool Pool { get; }

    FrameSourceState State { get; }

    /// <summary>Connects and learns the format. Throws <see cref="FrameSourceException"/> with a clear message when the source cannot be used at all.</summary>
    void Open();

    /// <summary>Starts delivering to <paramref name="sink"/> on the source's own thread.</summary>
    void Start(IFrameSink sink);

    /// <summary>Stops delivering and joins the capture thread; every buffer the source held is back in the pool when it returns.</summary>
    void Stop();

    event EventHandler<CameraFaultEventArgs>? Faulted;

    event EventHandler<CameraRecoveredEventArgs>? Recovered;

    /// <summary>Raised once when a finite source has delivered its last frame.</summary>
    event EventHandler? Completed;
}
