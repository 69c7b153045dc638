namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtCUDAProviderOptionsV2*</c>.</summary>
internal sealed unsafe class OrtCudaProviderOptionsHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseCUDAProviderOptions(ptr);
}
