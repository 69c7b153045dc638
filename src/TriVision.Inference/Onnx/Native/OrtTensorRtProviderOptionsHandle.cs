namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtTensorRTProviderOptionsV2*</c>.</summary>
internal sealed unsafe class OrtTensorRtProviderOptionsHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseTensorRTProviderOptions(ptr);
}
