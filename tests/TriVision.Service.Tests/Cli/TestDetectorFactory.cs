using TriVision.Inference;
using TriVision.Service.Detectors;

namespace TriVision.Service.Tests.Cli;

/// <summary>Hands out <see cref="TestDetector"/>s, records the options it was given, or fails like a bad model would.</summary>
internal sealed class TestDetectorFactory : IDetectorFactory
{
    public DetectorOptions? LastOptions { get; private set; }

    public TestDetector? LastDetector { get; private set; }

    public Exception? FailWith { get; init; }

    public IDetector Create(DetectorOptions options)
    {
        LastOptions = options;
        if (FailWith is not null) throw FailWith;
        return LastDetector = new TestDetector();
    }
}
