namespace TriVision.Inference.Onnx;

/// <summary>ORT's <c>OrtLoggingLevel</c> for its own log (printed by ORT to stderr).</summary>
public enum OrtLogLevel
{
    Verbose = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}
