using System.Runtime.InteropServices;

namespace TriVision.Inference.Onnx.Native;

/// <summary>UTF-8 strings that ORT allocated with its default allocator: read, then free.</summary>
internal static unsafe class OrtStrings
{
    public static nint DefaultAllocator
    {
        get
        {
            nint allocator;
            OrtStatusCheck.Check(OrtLibrary.Api.GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");
            return allocator;
        }
    }

    /// <summary>Copies <paramref name="value"/> to a managed string and frees it; null stays null.</summary>
    public static string? TakeAllocated(nint allocator, byte* value)
    {
        if (value == null) return null;
        string result = Marshal.PtrToStringUTF8((nint)value) ?? "";
        OrtStatusCheck.Check(OrtLibrary.Api.AllocatorFree(allocator, value), "AllocatorFree");
        return result;
    }
}
