namespace TriVision.Inference.Onnx;

/// <summary><c>OrtErrorCode</c> from onnxruntime_error_code.h, in header order.</summary>
public enum OrtErrorCode
{
    Ok = 0,
    Fail,
    InvalidArgument,
    NoSuchFile,
    NoModel,
    EngineError,
    RuntimeException,
    InvalidProtobuf,
    ModelLoaded,
    NotImplemented,
    InvalidGraph,
    EpFail,
    ModelLoadCanceled,
    ModelRequiresCompilation,
    NotFound,
    DeviceReset,
}
