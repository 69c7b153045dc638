using TriVision.Core.Frames;

namespace TriVision.Capture.Aravis;

/// <summary>An Aravis call failed; the message names the call and carries Aravis's own message.</summary>
public sealed class AravisException : FrameSourceException
{
    public AravisException(string call, int code, string? nativeMessage)
        : base($"{call} failed: {nativeMessage ?? "no message"} (code {code})")
    {
        Call = call;
        Code = code;
        NativeMessage = nativeMessage;
    }

    public string Call { get; }
    public int Code { get; }
    public string? NativeMessage { get; }

    /// <summary>The one status check: throws when the call set a GError, and frees it.</summary>
    internal static unsafe void Check(GError* error, string call)
    {
        if (error == null) return;
        string? message = AravisNative.Utf8(error->Message);
        int code = error->Code;
        AravisNative.ErrorFree(error);
        throw new AravisException(call, code, message);
    }
}
