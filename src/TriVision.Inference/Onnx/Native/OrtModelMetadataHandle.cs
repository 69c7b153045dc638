namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtModelMetadata*</c>.</summary>
internal sealed unsafe class OrtModelMetadataHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseModelMetadata(ptr);
}
