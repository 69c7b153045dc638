namespace TriVision.Inference.Onnx;

/// <summary>An ONNX Runtime C API call returned a failing status; carries ORT's own message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(string callName, OrtErrorCode errorCode, string ortMessage)
        : base($"ORT {callName} failed ({errorCode}): {ortMessage}")
    {
        CallName = callName;
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
    }

    /// <summary>The C API function that failed, e.g. "CreateSession".</summary>
    public string CallName { get; }

    public OrtErrorCode ErrorCode { get; }

    /// <summary>ORT's message, unchanged.</summary>
    public string OrtMessage { get; }
}
