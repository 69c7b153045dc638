using System.Runtime.InteropServices;

namespace TriVision.Capture.Aravis;

/// <summary>One reference to a GObject (camera, stream), dropped with g_object_unref.</summary>
internal sealed class GObjectHandle : SafeHandle
{
    public GObjectHandle(nint pointer) : base(0, ownsHandle: true) => SetHandle(pointer);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        AravisNative.ObjectUnref(handle);
        return true;
    }
}
