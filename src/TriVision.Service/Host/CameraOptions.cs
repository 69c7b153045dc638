using TriVision.Analytics.Geometry;
using TriVision.Capture.Configuration;

namespace TriVision.Service.Host;

/// <summary>One entry of <c>Cameras</c>: where frames come from and where the belt is in them.</summary>
public sealed class CameraOptions
{
    /// <summary>Camera id used in topics, metrics and alarms. Required, unique, a valid MQTT topic segment.</summary>
    public string Name { get; set; } = "";

    /// <summary>Source URI: genicam://ID, rtsp://…, file:PATH, v4l2:///dev/videoN, http://…, folder:DIR, simulator?… Required.</summary>
    public string Source { get; set; } = "";

    /// <summary>Capture options (pixel format, size, frame rate, pool and slot sizes, fault timeouts); defaults fit most cameras.</summary>
    public CameraCaptureOptions Capture { get; set; } = new();

    /// <summary>Belt geometry in this camera's pixels (polygon, direction, scale, downstream points).</summary>
    public BeltGeometryOptions Belt { get; set; } = new();

    internal CameraSourceOptions ToSourceOptions() => Capture.ToSourceOptions(Name, Source);
}
