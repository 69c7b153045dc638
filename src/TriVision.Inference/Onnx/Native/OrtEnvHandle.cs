namespace TriVision.Inference.Onnx.Native;

/// <summary>An <c>OrtEnv*</c>: logging and global state, shared by every session.</summary>
internal sealed unsafe class OrtEnvHandle : OrtHandle
{
    protected override void Release(nint ptr) => OrtLibrary.Api.ReleaseEnv(ptr);
}
