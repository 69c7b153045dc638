namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtMemoryInfo*</c>.</summary>
internal sealed unsafe class OrtMemoryInfoHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseMemoryInfo(ptr);
}
