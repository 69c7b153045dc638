using TriVision.Core.Detections;
using TriVision.Core.Frames;

namespace TriVision.Inference;

/// <summary>
/// An object detector as the rest of TriVision sees it: frame in, boxes out. Implementations own
/// their model session and scratch buffers, so a call allocates nothing in steady state; one
/// instance is used by one thread at a time.
/// </summary>
public interface IDetector : IDisposable
{
    /// <summary>Name of the loaded model (file name or the model's own metadata name), for logs and output.</summary>
    string ModelName { get; }

    /// <summary>Class names indexed by <see cref="Detection.ClassId"/>.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// Detects objects in one frame. Boxes are in the frame's own pixels (the letterbox is undone
    /// by the implementation). Writes at most <c>results.Length</c> detections, best first, and
    /// returns how many it wrote.
    /// </summary>
    int Detect(ReadOnlySpan<byte> frame, in FrameFormat format, Span<Detection> results);
}
