using Microsoft.Extensions.Logging;

namespace TriVision.Capture.Logging;

/// <summary>Capture log messages; event ids 4000-4099 belong to capture (issue 4).</summary>
internal static partial class CaptureLog
{
    [LoggerMessage(4000, LogLevel.Information, "Camera {Camera}: opened {Source} as {Format}")]
    public static partial void Opened(ILogger logger, string camera, string source, string format);

    [LoggerMessage(4001, LogLevel.Error, "Camera {Camera}: fault (attempt {Attempt}): {Message}")]
    public static partial void Fault(ILogger logger, string camera, int attempt, string message, Exception? exception);

    // Later failed attempts of the same outage are routine: the outage was reported once as an error.
    [LoggerMessage(4011, LogLevel.Debug, "Camera {Camera}: still failing (attempt {Attempt}): {Message}")]
    public static partial void FaultRepeated(ILogger logger, string camera, int attempt, string message);

    [LoggerMessage(4002, LogLevel.Information, "Camera {Camera}: recovered after {DowntimeMs} ms and {Attempts} attempt(s)")]
    public static partial void Recovered(ILogger logger, string camera, long downtimeMs, int attempts);

    // Routine reconnect attempts are not errors: the fault itself was already reported once.
    [LoggerMessage(4003, LogLevel.Debug, "Camera {Camera}: reconnecting in {DelayMs} ms")]
    public static partial void Reconnecting(ILogger logger, string camera, long delayMs);

    [LoggerMessage(4004, LogLevel.Information, "Camera {Camera}: stopped ({Frames} frames delivered)")]
    public static partial void Stopped(ILogger logger, string camera, long frames);

    [LoggerMessage(4005, LogLevel.Information, "Camera {Camera}: end of stream")]
    public static partial void Completed(ILogger logger, string camera);

    [LoggerMessage(4006, LogLevel.Debug, "Camera {Camera}: ffmpeg: {Line}")]
    public static partial void FFmpegLine(ILogger logger, string camera, string line);

    [LoggerMessage(4007, LogLevel.Warning, "Camera {Camera}: ffmpeg: {Line}")]
    public static partial void FFmpegError(ILogger logger, string camera, string line);

    [LoggerMessage(4008, LogLevel.Error, "Camera {Camera}: an event handler threw")]
    public static partial void HandlerFailed(ILogger logger, string camera, Exception exception);

    [LoggerMessage(4009, LogLevel.Warning, "Camera {Camera}: cleanup failed: {Message}")]
    public static partial void CleanupFailed(ILogger logger, string camera, string message);

    [LoggerMessage(4010, LogLevel.Debug, "Camera {Camera}: {Message}")]
    public static partial void Detail(ILogger logger, string camera, string message);
}
