using System.Reflection;
using System.Runtime.InteropServices;
using TriVision.Core.Native;

namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>
/// The TurboJPEG 2.x C API (libturbojpeg0 on Debian 12), bound from turbojpeg.h. Only the calls
/// TriVision uses: header, decompress, compress into a worst-case buffer, error strings.
/// </summary>
internal static unsafe partial class TurboJpegNative
{
    private const string Library = "turbojpeg";

    public static readonly NativeLibrarySpec Spec = new(
        DisplayName: "libturbojpeg",
        FileNames: ["libturbojpeg.so.0", "libturbojpeg.so"],
        EnvironmentVariable: "TRIVISION_TURBOJPEG_PATH",
        SetupFolder: null,
        InstallHint: "apt-get install libturbojpeg0 (or run scripts/setup.sh)");

    // TJPF (pixel formats) values from turbojpeg.h.
    public const int PixelRgb = 0;
    public const int PixelBgr = 1;
    public const int PixelGray = 6;

    // TJSAMP values.
    public const int Subsample444 = 0;
    public const int Subsample420 = 2;
    public const int SubsampleGray = 3;

    // TJFLAG values.
    public const int FlagNoRealloc = 1024;

    // TJERR values.
    public const int ErrorWarning = 0;

    static TurboJpegNative() =>
        NativeLibraryResolver.Register(Assembly.GetExecutingAssembly(), new Dictionary<string, NativeLibrarySpec> { [Library] = Spec });

    /// <summary>Loads the library through the resolver so a missing package fails with the install hint, not a DllNotFoundException.</summary>
    public static void EnsureLoaded() => NativeLibraryResolver.Load(Spec);

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static partial int DecompressHeader3(TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static partial int Decompress2(TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf,
        int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static partial int Compress2(TurboJpegHandle handle, byte* srcBuf, int width, int pitch, int height,
        int pixelFormat, byte** jpegBuf, nuint* jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [LibraryImport(Library, EntryPoint = "tjBufSize")]
    public static partial nuint BufSize(int width, int height, int jpegSubsamp);

    [LibraryImport(Library, EntryPoint = "tjAlloc")]
    public static partial byte* Alloc(int bytes);

    [LibraryImport(Library, EntryPoint = "tjFree")]
    public static partial void Free(byte* buffer);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(TurboJpegHandle handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(TurboJpegHandle handle);

    /// <summary>Turns a -1 status into a <see cref="TurboJpegException"/> naming the call and carrying TurboJPEG's message.</summary>
    public static void Check(int status, TurboJpegHandle handle, string call, bool allowWarning = false)
    {
        if (status == 0) return;
        int code = GetErrorCode(handle);
        if (allowWarning && code == ErrorWarning) return;
        string message = Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown error";
        throw new TurboJpegException(call, message, isWarning: code == ErrorWarning);
    }
}
