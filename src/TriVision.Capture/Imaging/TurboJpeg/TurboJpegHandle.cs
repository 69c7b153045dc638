using Microsoft.Win32.SafeHandles;

namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>Owns one tjhandle (compressor or decompressor); tjDestroy on release.</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegHandle() : base(ownsHandle: true) { }

    public static TurboJpegHandle CreateDecompressor() => Create(TurboJpegNative.InitDecompress(), "tjInitDecompress");

    public static TurboJpegHandle CreateCompressor() => Create(TurboJpegNative.InitCompress(), "tjInitCompress");

    private static TurboJpegHandle Create(nint raw, string call)
    {
        if (raw == 0) throw new TurboJpegException(call, "TurboJPEG could not allocate an instance", isWarning: false);
        var handle = new TurboJpegHandle();
        handle.SetHandle(raw);
        return handle;
    }

    protected override bool ReleaseHandle() => TurboJpegNative.Destroy(handle) == 0;
}
