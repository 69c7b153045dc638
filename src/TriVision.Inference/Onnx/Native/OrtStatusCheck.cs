using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TriVision.Inference.Onnx.Native;

/// <summary>The one place that turns an <c>OrtStatus*</c> into an exception (and frees it).</summary>
internal static unsafe class OrtStatusCheck
{
    /// <summary>Throws <see cref="OnnxRuntimeException"/> when <paramref name="status"/> is not null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(nint status, string call)
    {
        if (status != 0) Throw(status, call);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(nint status, string call)
    {
        var api = OrtLibrary.Api;
        var code = (OrtErrorCode)api.GetErrorCode(status);
        string message = Marshal.PtrToStringUTF8((nint)api.GetErrorMessage(status)) ?? "";
        api.ReleaseStatus(status);
        throw new OnnxRuntimeException(call, code, message);
    }
}
