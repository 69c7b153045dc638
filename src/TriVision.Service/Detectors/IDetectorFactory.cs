using TriVision.Inference;

namespace TriVision.Service.Detectors;

/// <summary>
/// Creates detectors from options. The CLI and the service take one so the ONNX implementation
/// is plugged in at one place (<see cref="Cli.CliContext.CreateDefault"/>) and tests can pass
/// their own. Failures that the user can fix (corrupt model, unknown layout, provider missing in
/// strict mode) should be thrown as <see cref="Cli.CliException"/> or as the inference layer's own
/// exception type, which <see cref="Program"/> turns into one clear line.
/// </summary>
public interface IDetectorFactory
{
    IDetector Create(DetectorOptions options);
}
