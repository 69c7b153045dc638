using System.Runtime.InteropServices;
using TriVision.Core.Native;

namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>
/// The TurboJPEG 2.x C API (libturbojpeg0 on Debian 12), bound from turbojpeg.h through unmanaged
/// function pointers. Function pointers rather than [LibraryImport] because the resolver's
/// import hook is one per assembly and TriVision.Capture also binds Aravis; looking the exports
/// up on the handle from <see cref="NativeLibraryResolver.Load"/> keeps the two independent.
/// Only the calls TriVision uses: header, decompress, compress into a worst-case buffer, errors.
/// </summary>
internal static unsafe class TurboJpegNative
{
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

    private static readonly object Gate = new();
    private static volatile bool _bound;

    private static delegate* unmanaged<nint> _tjInitDecompress;
    private static delegate* unmanaged<nint> _tjInitCompress;
    private static delegate* unmanaged<nint, int> _tjDestroy;
    private static delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int> _tjDecompressHeader3;
    private static delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int> _tjDecompress2;
    private static delegate* unmanaged<nint, byte*, int, int, int, int, byte**, nuint*, int, int, int, int> _tjCompress2;
    private static delegate* unmanaged<int, int, int, nuint> _tjBufSize;
    private static delegate* unmanaged<int, byte*> _tjAlloc;
    private static delegate* unmanaged<byte*, void> _tjFree;
    private static delegate* unmanaged<nint, byte*> _tjGetErrorStr2;
    private static delegate* unmanaged<nint, int> _tjGetErrorCode;

    /// <summary>
    /// Loads the library through the resolver (a missing package fails with the install hint) and
    /// binds every function. Called by each public type's constructor before any other call here.
    /// </summary>
    public static void EnsureLoaded()
    {
        if (_bound) return;
        lock (Gate)
        {
            if (_bound) return;
            nint lib = NativeLibraryResolver.Load(Spec);
            _tjInitDecompress = (delegate* unmanaged<nint>)Export(lib, "tjInitDecompress");
            _tjInitCompress = (delegate* unmanaged<nint>)Export(lib, "tjInitCompress");
            _tjDestroy = (delegate* unmanaged<nint, int>)Export(lib, "tjDestroy");
            _tjDecompressHeader3 = (delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int>)Export(lib, "tjDecompressHeader3");
            _tjDecompress2 = (delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int>)Export(lib, "tjDecompress2");
            _tjCompress2 = (delegate* unmanaged<nint, byte*, int, int, int, int, byte**, nuint*, int, int, int, int>)Export(lib, "tjCompress2");
            _tjBufSize = (delegate* unmanaged<int, int, int, nuint>)Export(lib, "tjBufSize");
            _tjAlloc = (delegate* unmanaged<int, byte*>)Export(lib, "tjAlloc");
            _tjFree = (delegate* unmanaged<byte*, void>)Export(lib, "tjFree");
            _tjGetErrorStr2 = (delegate* unmanaged<nint, byte*>)Export(lib, "tjGetErrorStr2");
            _tjGetErrorCode = (delegate* unmanaged<nint, int>)Export(lib, "tjGetErrorCode");
            _bound = true;
        }
    }

    private static nint Export(nint library, string name)
    {
        if (NativeLibrary.TryGetExport(library, name, out nint address)) return address;
        string from = NativeLibraryResolver.LoadedLibraries.TryGetValue(Spec.DisplayName, out var path) ? path : Spec.DisplayName;
        throw new NativeLibraryNotFoundException(
            $"{from} has no function {name}; TriVision needs the TurboJPEG 2.x API. Install it with: {Spec.InstallHint}");
    }

    public static nint InitDecompress() => _tjInitDecompress();

    public static nint InitCompress() => _tjInitCompress();

    public static int Destroy(nint handle) => _tjDestroy(handle);

    public static int DecompressHeader3(TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace)
    {
        int w, h, ss, cs;
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int status = _tjDecompressHeader3(handle.DangerousGetHandle(), jpegBuf, jpegSize, &w, &h, &ss, &cs);
            (width, height, jpegSubsamp, jpegColorspace) = (w, h, ss, cs);
            return status;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    public static int Decompress2(TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf,
        int width, int pitch, int height, int pixelFormat, int flags)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return _tjDecompress2(handle.DangerousGetHandle(), jpegBuf, jpegSize, dstBuf, width, pitch, height, pixelFormat, flags);
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    public static int Compress2(TurboJpegHandle handle, byte* srcBuf, int width, int pitch, int height,
        int pixelFormat, byte** jpegBuf, nuint* jpegSize, int jpegSubsamp, int jpegQual, int flags)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return _tjCompress2(handle.DangerousGetHandle(), srcBuf, width, pitch, height, pixelFormat, jpegBuf, jpegSize, jpegSubsamp, jpegQual, flags);
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    public static nuint BufSize(int width, int height, int jpegSubsamp) => _tjBufSize(width, height, jpegSubsamp);

    public static byte* Alloc(int bytes) => _tjAlloc(bytes);

    public static void Free(byte* buffer) => _tjFree(buffer);

    /// <summary>Turns a -1 status into a <see cref="TurboJpegException"/> naming the call and carrying TurboJPEG's message.</summary>
    public static void Check(int status, TurboJpegHandle handle, string call, bool allowWarning = false)
    {
        if (status == 0) return;
        int code;
        string message;
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            nint raw = handle.DangerousGetHandle();
            code = _tjGetErrorCode(raw);
            message = Marshal.PtrToStringUTF8((nint)_tjGetErrorStr2(raw)) ?? "unknown error";
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
        if (allowWarning && code == ErrorWarning) return;
        throw new TurboJpegException(call, message, isWarning: code == ErrorWarning);
    }
}
