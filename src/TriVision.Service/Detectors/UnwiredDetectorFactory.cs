using TriVision.Inference;
using TriVision.Service.Cli;

namespace TriVision.Service.Detectors;

/// <summary>
/// Stands in until the ONNX Runtime detector is wired into <see cref="CliContext.CreateDefault"/>:
/// says so plainly instead of pretending to detect.
/// </summary>
public sealed class UnwiredDetectorFactory : IDetectorFactory
{
    public IDetector Create(DetectorOptions options) =>
        throw new CliException(CliExitCode.RuntimeFailure,
            "this build has no ONNX detector wired in yet (IDetectorFactory is not set in CliContext.CreateDefault)");
}
