namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtSession*</c>; holds its env.</summary>
internal sealed unsafe class OrtSessionHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseSession(ptr);
}
