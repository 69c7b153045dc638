namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtValue*</c>; a tensor over a caller buffer holds that buffer's handle.</summary>
internal sealed unsafe class OrtValueHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseValue(ptr);
}
