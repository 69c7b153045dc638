using Microsoft.Extensions.Logging;
using TriVision.Inference;
using TriVision.Inference.Decoding;
using TriVision.Inference.Detectors;
using TriVision.Inference.Onnx;
using TriVision.Service.Cli;

namespace TriVision.Service.Detectors;

/// <summary>The product's detector: ONNX Runtime through TriVision's binding.</summary>
public sealed class OnnxDetectorFactory(ILogger? log = null) : IDetectorFactory
{
    public IDetector Create(DetectorOptions options)
    {
        if (!Enum.TryParse<ExecutionProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
            throw new CliException(CliExitCode.Usage,
                $"--provider '{options.Provider}' is not one of cpu, cuda, tensorrt, auto");
        var detectorOptions = new OnnxDetectorOptions
        {
            ModelPath = options.ModelPath,
            LabelsPath = options.LabelsPath,
            Session = new SessionConfig { Provider = provider, Strict = options.Strict, IntraOpThreads = options.IntraOpThreads, AllowSpinning = options.AllowSpinning },
            Decoder = new DecoderOptions
            {
                ScoreThreshold = options.ConfidenceThreshold,
                IouThreshold = options.IouThreshold,
                MaxDetections = options.MaxDetections,
            },
        };
        try
        {
            var detector = OnnxDetector.Open(detectorOptions, log);
            if (detector.Session.Health.Status == HealthStatus.Degraded)
                Console.Error.WriteLine($"trivision: WARNING: {detector.Session.Health.Reason}");
            return detector;
        }
        catch (ProviderUnavailableException ex)
        {
            throw new CliException(CliExitCode.MissingDependency, ex.Message, ex);
        }
    }
}
