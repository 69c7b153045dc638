using System.Runtime.InteropServices;
using TriVision.Core.Native;
using TriVision.Inference.Onnx.Native;

namespace TriVision.Inference.Onnx;

/// <summary>Facts about the loaded ONNX Runtime library, for start-up logs, health output and tests.</summary>
public static unsafe class OnnxRuntimeInfo
{
    /// <summary>How the resolver finds libonnxruntime (missing: "run scripts/setup.sh").</summary>
    public static NativeLibrarySpec LibrarySpec => OrtLibrary.Spec;

    /// <summary>The library's version, e.g. "1.29.0"; loads the library if needed.</summary>
    public static string Version => OrtLibrary.Api.Version;

    /// <summary>Where the library was loaded from, or null before it is loaded.</summary>
    public static string? LibraryPath => OrtLibrary.LoadedFrom;

    /// <summary>ORT's build description (git commit, build options).</summary>
    public static string BuildInfo => Marshal.PtrToStringUTF8((nint)OrtLibrary.Api.GetBuildInfoString()) ?? "";

    /// <summary>The execution providers compiled into the loaded library, e.g. "CPUExecutionProvider".</summary>
    public static IReadOnlyList<string> AvailableProviders()
    {
        var api = OrtLibrary.Api;
        byte** names;
        int count;
        OrtStatusCheck.Check(api.GetAvailableProviders(&names, &count), "GetAvailableProviders");
        var result = new string[count];
        for (int i = 0; i < count; i++)
            result[i] = Marshal.PtrToStringUTF8((nint)names[i]) ?? "";
        OrtStatusCheck.Check(api.ReleaseAvailableProviders(names, count), "ReleaseAvailableProviders");
        return result;
    }

    /// <summary>ORT's name for a provider ("CUDAExecutionProvider"); null for <see cref="ExecutionProvider.Auto"/>.</summary>
    public static string? OrtName(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cpu => "CPUExecutionProvider",
        ExecutionProvider.Cuda => "CUDAExecutionProvider",
        ExecutionProvider.TensorRt => "TensorrtExecutionProvider",
        _ => null,
    };
}
