namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtTensorTypeAndShapeInfo*</c> owned by the caller (from GetTensorTypeAndShape).</summary>
internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseTensorTypeAndShapeInfo(ptr);
}
