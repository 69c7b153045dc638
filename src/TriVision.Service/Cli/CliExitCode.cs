namespace TriVision.Service.Cli;

/// <summary>Process exit codes of the trivision CLI; documented in docs/cli.md, keep the two in step.</summary>
public static class CliExitCode
{
    /// <summary>Everything asked was done.</summary>
    public const int Success = 0;

    /// <summary>The command line itself is wrong: unknown verb or option, missing required option, bad value.</summary>
    public const int Usage = 1;

    /// <summary>A file or folder named on the command line does not exist (model, source, labels).</summary>
    public const int NotFound = 2;

    /// <summary>An input exists but cannot be used: corrupt or unreadable image or video, unsupported source, bad model.</summary>
    public const int InvalidInput = 3;

    /// <summary>Something TriVision needs is not installed: a native library (libturbojpeg, ONNX Runtime) or ffmpeg.</summary>
    public const int MissingDependency = 4;

    /// <summary>The run started but failed: detector or provider failure, output folder not writable.</summary>
    public const int RuntimeFailure = 5;

    /// <summary>A bug: an unexpected exception. The one-line message names its type; TRIVISION_TRACE=1 prints the stack.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
