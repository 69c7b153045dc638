namespace TriVision.Inference.Onnx;

/// <summary>Where inference runs. <see cref="Auto"/> picks TensorRT, then CUDA, then CPU, by availability.</summary>
public enum ExecutionProvider
{
    Cpu,
    Cuda,
    TensorRt,
    Auto,
}
