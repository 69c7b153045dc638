using Microsoft.Extensions.Logging;

namespace TriVision.Service.Pipeline;

/// <summary>The service's log events (ids 7000-7099).</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(7000, LogLevel.Information, "Camera {Camera}: {Width}x{Height} {PixelFormat}, inference on {Provider} with model {Model}")]
    public static partial void CameraStarted(ILogger logger, string camera, int width, int height, string pixelFormat, string provider, string model);

    [LoggerMessage(7001, LogLevel.Error, "Camera {Camera}: frame {Sequence} failed in inference or analytics")]
    public static partial void FrameFailed(ILogger logger, Exception exception, string camera, long sequence);

    [LoggerMessage(7002, LogLevel.Warning, "Camera {Camera} fault (attempt {Attempt}): {Message}")]
    public static partial void CameraFault(ILogger logger, string camera, int attempt, string message);

    [LoggerMessage(7003, LogLevel.Information, "Camera {Camera} recovered")]
    public static partial void CameraRecovered(ILogger logger, string camera);

    [LoggerMessage(7004, LogLevel.Information, "Alarm {AlarmId} {Event}: {Title}")]
    public static partial void AlarmEvent(ILogger logger, string alarmId, string @event, string title);

    [LoggerMessage(7005, LogLevel.Error, "Alarm {AlarmId} could not be written to the MQTT outbox")]
    public static partial void AlarmNotQueued(ILogger logger, Exception exception, string alarmId);

    [LoggerMessage(7006, LogLevel.Warning, "Vision degraded: {Reason}")]
    public static partial void Degraded(ILogger logger, string reason);

    [LoggerMessage(7007, LogLevel.Information, "Command from {Client}: {Command}")]
    public static partial void Command(ILogger logger, string client, string command);

    [LoggerMessage(7008, LogLevel.Information, "Camera {Camera} ended its stream")]
    public static partial void CameraCompleted(ILogger logger, string camera);
}
