using System.Runtime.InteropServices;

namespace TriVision.Inference.Onnx.Native;

/// <summary>
/// A 64-byte aligned native buffer that ORT tensors point into. Native memory never moves, so
/// no GC pinning is needed; the tensor over it holds a reference so it outlives the tensor.
/// </summary>
internal sealed unsafe class NativeBufferHandle : SafeHandle
{
    public NativeBufferHandle(nuint bytes) : base(0, ownsHandle: true)
    {
        Bytes = bytes;
        void* p = NativeMemory.AlignedAlloc(bytes == 0 ? 1 : bytes, 64);
        NativeMemory.Clear(p, bytes);
        SetHandle((nint)p);
    }

    public nuint Bytes { get; }

    public void* Pointer => (void*)handle;

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}
