using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Inference;

namespace TriVision.Service.Tests.Cli;

/// <summary>
/// A detector for CLI tests: a battery box over the left third and a bottle box over the right
/// third of every frame, so the output can be checked against the frame size.
/// </summary>
internal sealed class TestDetector : IDetector
{
    public string ModelName => "test-detector";

    public IReadOnlyList<string> ClassNames { get; } = ["plastic_bottle", "battery"];

    public int Calls { get; private set; }

    public bool Disposed { get; private set; }

    public int Detect(ReadOnlySpan<byte> frame, in FrameFormat format, Span<Detection> results)
    {
        Assert.Equal(PixelFormat.Bgr8, format.PixelFormat);
        Assert.True(frame.Length >= format.BufferSize);
        Calls++;
        float w = format.Width, h = format.Height;
        results[0] = new Detection(new BoxF(w * 0.05f, h * 0.3f, w * 0.35f, h * 0.9f), 0.91f, 1);
        results[1] = new Detection(new BoxF(w * 0.6f, h * 0.3f, w * 0.95f, h * 0.9f), 0.5f, 0);
        return 2;
    }

    public void Dispose() => Disposed = true;
}
