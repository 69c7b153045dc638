using Microsoft.Extensions.Logging;

namespace TriVision.Inference.Onnx;

/// <summary>Log messages of the ONNX session layer; event ids 2100-2199 are reserved for it.</summary>
internal static partial class OnnxLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Execution provider {Requested} is not usable ({Reason}); model {Model} runs on CPU. ORT offers: {Available}. Install the GPU build with scripts/setup.sh --gpu")]
    public static partial void ProviderFallback(ILogger logger, ExecutionProvider requested, string reason, string model, string available);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Provider auto: no GPU provider installed ({Reason}); model {Model} runs on CPU")]
    public static partial void AutoOnCpu(ILogger logger, string reason, string model);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information,
        Message = "Opened {Model} (sha256 {Hash}) on {Provider}; ONNX Runtime {Version} from {Library}")]
    public static partial void Opened(ILogger logger, string model, string hash, ExecutionProvider provider, string version, string library);
}
