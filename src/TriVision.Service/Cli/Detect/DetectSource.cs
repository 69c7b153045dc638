namespace TriVision.Service.Cli.Detect;

/// <summary>
/// Frames for <c>trivision detect</c>: an image, a folder of images or a video file. A simple,
/// sequential reader for the CLI; the service's capture sources (pooled, latest-frame) live in
/// TriVision.Capture and can replace these behind the same loop.
/// </summary>
internal abstract class DetectSource : IDisposable
{
    /// <summary>Shown beside the progress bar.</summary>
    public abstract string Description { get; }

    /// <summary>Frames expected, when known (for the progress bar).</summary>
    public abstract int? FrameCount { get; }

    /// <summary>
    /// True when one unreadable frame should be reported and skipped (a folder with one bad image)
    /// rather than end the run.
    /// </summary>
    public abstract bool SkipsBadFrames { get; }

    /// <summary>Reads the next frame; false at the end. Throws ImageReadException or CliException for a frame it cannot read.</summary>
    public abstract bool TryReadNext(out SourceFrame frame);

    public abstract void Dispose();
}
