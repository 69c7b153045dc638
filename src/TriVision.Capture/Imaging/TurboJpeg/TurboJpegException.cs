namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>A TurboJPEG call failed; carries the call's name and the library's own message.</summary>
public sealed class TurboJpegException : Exception
{
    public TurboJpegException(string call, string libraryMessage, bool isWarning)
        : base($"{call} failed: {libraryMessage}")
    {
        Call = call;
        LibraryMessage = libraryMessage;
        IsWarning = isWarning;
    }

    /// <summary>The TurboJPEG function that failed, e.g. "tjDecompress2".</summary>
    public string Call { get; }

    /// <summary>TurboJPEG's message (tjGetErrorStr2).</summary>
    public string LibraryMessage { get; }

    /// <summary>True when TurboJPEG classed the problem as a warning (e.g. a truncated file it could partly decode).</summary>
    public bool IsWarning { get; }
}
