using System.Runtime.InteropServices;

namespace TriVision.Inference.Onnx.Native;

/// <summary>
/// Base of every ORT object handle. A handle may depend on others (a session on its env, a tensor
/// on the buffer it wraps): it holds a reference on each so that they are released after it,
/// whatever order Dispose or the finalizer runs in.
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    private SafeHandle? _dependency1;
    private SafeHandle? _dependency2;

    protected OrtHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer for a native call; the caller keeps this object alive for the call.</summary>
    public nint Ptr => handle;

    /// <summary>Takes ownership of <paramref name="ptr"/> and keeps up to two dependencies alive until release.</summary>
    public void Attach(nint ptr, SafeHandle? dependency1 = null, SafeHandle? dependency2 = null)
    {
        bool added = false;
        dependency1?.DangerousAddRef(ref added);
        _dependency1 = dependency1;
        added = false;
        dependency2?.DangerousAddRef(ref added);
        _dependency2 = dependency2;
        SetHandle(ptr);
    }

    protected sealed override bool ReleaseHandle()
    {
        Release(handle);
        _dependency1?.DangerousRelease();
        _dependency2?.DangerousRelease();
        return true;
    }

    protected abstract void Release(nint ptr);
}
