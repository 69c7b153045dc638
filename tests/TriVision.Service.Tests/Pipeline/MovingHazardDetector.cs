using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Core.Time;
using TriVision.Inference;
using TriVision.Service.Detectors;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>
/// A detector that "sees" one gas cylinder riding the belt at <see cref="PixelsPerSecond"/>, entering
/// on the left every few seconds: a deterministic hazard for testing the alarm path end to end
/// (rules → alarm store → outbox → MQTT) without depending on a trained model.
/// </summary>
internal sealed class MovingHazardDetector : IDetector
{
    public const float PixelsPerSecond = 82f; // 0.5 m/s at 163.6 px/m
    private readonly long _startNs = MonotonicClock.NowNs;

    public string ModelName => "moving-hazard-test";

    public IReadOnlyList<string> ClassNames { get; } = ["gas_cylinder", "battery", "power_bank", "aerosol_can", "waste"];

    public int Detect(ReadOnlySpan<byte> frame, in FrameFormat format, Span<Detection> results)
    {
        double t = (MonotonicClock.NowNs - _startNs) / 1e9;
        float x = (float)(t * PixelsPerSecond % (format.Width + 40)) - 20;
        results[0] = new Detection(new BoxF(x, 70, x + 30, 110), 0.9f, 0);
        return 1;
    }

    public void Dispose()
    {
    }

    public sealed class Factory : IDetectorFactory
    {
        public IDetector Create(DetectorOptions options) => new MovingHazardDetector();
    }
}
