namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtTypeInfo*</c>.</summary>
internal sealed unsafe class OrtTypeInfoHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseTypeInfo(ptr);
}
