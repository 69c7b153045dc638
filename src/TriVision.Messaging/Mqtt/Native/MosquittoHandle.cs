using Microsoft.Win32.SafeHandles;

namespace TriVision.Messaging.Mqtt.Native;

/// <summary>Owns one <c>struct mosquitto*</c>; the network loop must be stopped before release.</summary>
internal sealed class MosquittoHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MosquittoHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        MosquittoNative.mosquitto_destroy(handle);
        return true;
    }
}
