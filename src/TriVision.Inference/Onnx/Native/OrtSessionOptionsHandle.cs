namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtSessionOptions*</c>.</summary>
internal sealed unsafe class OrtSessionOptionsHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseSessionOptions(ptr);
}
