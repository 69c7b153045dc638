namespace TriVision.Core.Frames;

/// <summary>
/// One reference to a <see cref="Frame"/>, released on dispose: <c>using var lease = slot.Dequeue…;</c>
/// makes the release impossible to forget on an early return or an exception.
/// </summary>
public readonly struct FrameLease : IDisposable
{
    public FrameLease(Frame frame) => Frame = frame;

    public Frame Frame { get; }

    public Span<byte> Span => Frame.Span;

    public void Dispose() => Frame?.Release();
}
