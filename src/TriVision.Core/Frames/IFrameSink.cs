namespace TriVision.Core.Frames;

/// <summary>Where a source pushes its frames.</summary>
public interface IFrameSink
{
    /// <summary>
    /// Takes over the caller's reference to <paramref name="frame"/>: the sink releases it (or hands
    /// it on). Called on the source's capture thread; must not block.
    /// </summary>
    void OnFrame(Frame frame);
}
