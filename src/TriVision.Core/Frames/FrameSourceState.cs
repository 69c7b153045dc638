namespace TriVision.Core.Frames;

public enum FrameSourceState
{
    Created,
    Opened,
    Running,
    /// <summary>Running but not delivering: the source is reconnecting after a fault.</summary>
    Faulted,
    /// <summary>A finite source (a file without loop) reached its end.</summary>
    Completed,
    Stopped,
}
