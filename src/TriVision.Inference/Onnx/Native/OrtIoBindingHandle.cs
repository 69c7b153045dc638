namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtIoBinding*</c>; holds its session.</summary>
internal sealed unsafe class OrtIoBindingHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseIoBinding(ptr);
}
