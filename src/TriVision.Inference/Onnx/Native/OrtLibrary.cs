using System.Runtime.InteropServices;
using TriVision.Core.Native;

namespace TriVision.Inference.Onnx.Native;

/// <summary>
/// Loads <c>libonnxruntime</c> through <see cref="NativeLibraryResolver"/> and reads its
/// <c>OrtApi</c> table once per process: ORT allows one library per process, so the first
/// caller decides which build (CPU or GPU) is used.
/// </summary>
internal static unsafe class OrtLibrary
{
    /// <summary>Environment variable holding a full path to <c>libonnxruntime.so</c>.</summary>
    public const string EnvironmentVariable = "TRIVISION_ORT_LIBRARY";

    public static readonly NativeLibrarySpec Spec = new(
        DisplayName: "ONNX Runtime",
        FileNames: ["libonnxruntime.so.1", "libonnxruntime.so"],
        EnvironmentVariable: EnvironmentVariable,
        SetupFolder: "onnxruntime",
        InstallHint: "scripts/setup.sh");

    private static readonly object Gate = new();
    private static OrtApi? _api;

    /// <summary>The function table; loads the library on first use with the CPU preference.</summary>
    public static OrtApi Api => _api ?? Load(preferGpu: false, configuredPath: null);

    /// <summary>Where the library was loaded from, or null before the first load.</summary>
    public static string? LoadedFrom =>
        NativeLibraryResolver.LoadedLibraries.TryGetValue(Spec.DisplayName, out var path) ? path : null;

    /// <summary>
    /// Loads the library. With <paramref name="preferGpu"/> and no explicit path, the GPU build
    /// that <c>scripts/setup.sh --gpu</c> puts in <c>.native/onnxruntime-gpu/</c> wins over the CPU build.
    /// </summary>
    public static OrtApi Load(bool preferGpu, string? configuredPath)
    {
        if (_api is { } api) return api;
        lock (Gate)
        {
            if (_api is { } again) return again;
            string? path = configuredPath;
            if (string.IsNullOrWhiteSpace(path) && preferGpu
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)))
                path = GpuBuildPath();
            if (!string.IsNullOrWhiteSpace(path))
                NativeLibraryResolver.Configure(Spec, path);

            nint lib = NativeLibraryResolver.Load(Spec);
            var getApiBase = (delegate* unmanaged[Cdecl]<nint>)NativeLibrary.GetExport(lib, "OrtGetApiBase");
            nint* apiBase = (nint*)getApiBase();
            // struct OrtApiBase { GetApi; GetVersionString; }
            var getApi = (delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0];
            var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
            string version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "?";
            nint* table = getApi(OrtApi.ApiVersion);
            if (table == null)
                throw new NativeLibraryNotFoundException(
                    $"ONNX Runtime at {LoadedFrom} is version {version}, which does not offer API version {OrtApi.ApiVersion} (ONNX Runtime 1.29 or newer is needed). Install the pinned version with: scripts/setup.sh");
            _api = new OrtApi(table, version);
            return _api;
        }
    }

    /// <summary>The GPU build's library file when setup installed one, else null.</summary>
    public static string? GpuBuildPath()
    {
        if (NativeLibraryResolver.FindNativeDirectory() is not { } native) return null;
        string arch = RuntimeInformation.RuntimeIdentifier.Contains("arm64") ? "linux-arm64" : "linux-x64";
        foreach (var file in Spec.FileNames)
        {
            string candidate = Path.Combine(native, "onnxruntime-gpu", arch, file);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
