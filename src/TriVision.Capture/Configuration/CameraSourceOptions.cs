using TriVision.Core.Frames;

namespace TriVision.Capture.Configuration;

/// <summary>
/// One camera as declared in the service configuration (<c>Cameras:NAME</c>). Every option has a
/// default that works for the common case; <see cref="Validate"/> names the key, the value and what
/// is allowed when something is wrong.
/// </summary>
public sealed class CameraSourceOptions
{
    /// <summary>Camera name used in metrics, logs and alarms. Default: derived from the source.</summary>
    public string? Name { get; set; }

    /// <summary>Source URI: genicam://ID, rtsp://…, file:PATH or a path, v4l2:///dev/videoN, http://…, folder:DIR, simulator[?options]. Required.</summary>
    public string Source { get; set; } = "";

    /// <summary>Pixel format to request (PFNC name: Mono8, Rgb8, Bgr8, BayerRG8…). Default: the camera's current one (GenICam), Bgr8 (FFmpeg).</summary>
    public string? PixelFormat { get; set; }

    /// <summary>Image width in px: the region on a GenICam camera, a scale for FFmpeg. 0 = as the source delivers.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Region offset (GenICam only).</summary>
    public int OffsetX { get; set; }

    public int OffsetY { get; set; }

    /// <summary>Exposure in µs (GenICam). 0 = leave the camera's setting.</summary>
    public double ExposureUs { get; set; }

    /// <summary>Gain in dB (GenICam). Negative = leave the camera's setting.</summary>
    public double GainDb { get; set; } = -1;

    /// <summary>Frames per second: the camera's acquisition rate (GenICam), the output rate (FFmpeg), the playback rate (folder). 0 = native.</summary>
    public double FrameRate { get; set; }

    /// <summary>GigE Vision packet size in bytes. 0 = Aravis negotiates the largest that passes.</summary>
    public int PacketSize { get; set; }

    /// <summary>GigE Vision inter-packet delay in ns, to share a link between cameras. 0 = none.</summary>
    public long PacketDelayNs { get; set; }

    /// <summary>Buffers the camera stack holds for writing (GenICam). Default 6: enough for 60 fps with 100 ms of scheduling hiccup.</summary>
    public int StreamBuffers { get; set; } = 6;

    /// <summary>Frame buffers in the pool: stream buffers + slot + frames in the pipeline. Default 16.</summary>
    public int PoolSize { get; set; } = 16;

    /// <summary>Frames the latest-frame slot keeps for the pipeline. Default 2: one being taken, one fresh.</summary>
    public int SlotCapacity { get; set; } = 2;

    /// <summary>No frame for this long is a camera fault. Default 1 s (issue 4).</summary>
    public TimeSpan FaultTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the first frame may take after (re)connecting, before it counts as a fault. Default 10 s (RTSP handshakes, GigE discovery).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="ReconnectMaxDelay"/>. Default 0.25 s.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect after a fault. Default true (a camera that comes back must be used again); files stop on error regardless.</summary>
    public bool Reconnect { get; set; } = true;

    /// <summary>Play a file or folder again from the start when it ends. Default false.</summary>
    public bool Loop { get; set; }

    /// <summary>Read a file at its native rate (ffmpeg -re) rather than as fast as it decodes. Default true: a file stands in for a camera.</summary>
    public bool NativeRate { get; set; } = true;

    /// <summary>RTSP transport: tcp or udp. Default tcp (no losses on busy plant networks).</summary>
    public string RtspTransport { get; set; } = "tcp";

    /// <summary>Act as the RTSP server that a camera or encoder pushes to (ffmpeg -rtsp_flags listen). Default false.</summary>
    public bool RtspListen { get; set; }

    /// <summary>FFmpeg hardware decoder (-hwaccel), e.g. cuda, vaapi, qsv. Default none.</summary>
    public string? HwAccel { get; set; }

    /// <summary>More ffmpeg input options, passed through as separate arguments (e.g. "-hwaccel_device", "0").</summary>
    public List<string> ExtraInputArguments { get; set; } = new();

    /// <summary>ffmpeg executable. Default "ffmpeg" on PATH.</summary>
    public string FFmpegPath { get; set; } = "ffmpeg";

    /// <summary>Throws <see cref="CaptureConfigurationException"/> naming the first wrong key.</summary>
    public void Validate(string key = "Camera")
    {
        if (string.IsNullOrWhiteSpace(Source))
            throw new CaptureConfigurationException($"{key}:Source is empty; expected a source URI such as genicam://, rtsp://HOST/PATH, file:PATH, v4l2:///dev/video0, http://HOST/stream.mjpg, folder:DIR or simulator.");
        if (PixelFormat is not null && !PixelFormatExtensions.TryParse(PixelFormat, out _))
            throw new CaptureConfigurationException($"{key}:PixelFormat = '{PixelFormat}' is not supported; allowed: {string.Join(", ", Enum.GetNames<PixelFormat>())}.");
        if (Width < 0 || Height < 0 || (Width == 0) != (Height == 0))
            throw new CaptureConfigurationException($"{key}:Width/Height = {Width}x{Height}; set both to positive values, or both to 0 for the source's size.");
        if (OffsetX < 0 || OffsetY < 0)
            throw new CaptureConfigurationException($"{key}:OffsetX/OffsetY = {OffsetX},{OffsetY}; offsets must be >= 0.");
        if (FrameRate < 0 || double.IsNaN(FrameRate))
            throw new CaptureConfigurationException($"{key}:FrameRate = {FrameRate}; must be >= 0 (0 = native rate).");
        if (ExposureUs < 0)
            throw new CaptureConfigurationException($"{key}:ExposureUs = {ExposureUs}; must be >= 0 (0 = leave the camera's setting).");
        if (PacketSize != 0 && (PacketSize < 576 || PacketSize > 16384))
            throw new CaptureConfigurationException($"{key}:PacketSize = {PacketSize}; allowed 576..16384 bytes, or 0 to negotiate.");
        if (PacketDelayNs < 0)
            throw new CaptureConfigurationException($"{key}:PacketDelayNs = {PacketDelayNs}; must be >= 0.");
        if (StreamBuffers < 2)
            throw new CaptureConfigurationException($"{key}:StreamBuffers = {StreamBuffers}; at least 2 (one filling, one waiting).");
        if (SlotCapacity < 1)
            throw new CaptureConfigurationException($"{key}:SlotCapacity = {SlotCapacity}; at least 1.");
        if (PoolSize < StreamBuffers + SlotCapacity + 1)
            throw new CaptureConfigurationException($"{key}:PoolSize = {PoolSize}; at least StreamBuffers + SlotCapacity + 1 = {StreamBuffers + SlotCapacity + 1} so that the camera never starves while the pipeline holds frames.");
        if (FaultTimeout <= TimeSpan.Zero)
            throw new CaptureConfigurationException($"{key}:FaultTimeout = {FaultTimeout}; must be positive.");
        if (StartTimeout <= TimeSpan.Zero)
            throw new CaptureConfigurationException($"{key}:StartTimeout = {StartTimeout}; must be positive.");
        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
            throw new CaptureConfigurationException($"{key}:ReconnectMinDelay/ReconnectMaxDelay = {ReconnectMinDelay}/{ReconnectMaxDelay}; need 0 < min <= max.");
        if (RtspTransport is not ("tcp" or "udp"))
            throw new CaptureConfigurationException($"{key}:RtspTransport = '{RtspTransport}'; allowed: tcp, udp.");
    }

    internal PixelFormat? ParsedPixelFormat =>
        PixelFormat is not null && PixelFormatExtensions.TryParse(PixelFormat, out var format) ? format : null;

    public CameraSourceOptions Clone()
    {
        var copy = (CameraSourceOptions)MemberwiseClone();
        copy.ExtraInputArguments = new List<string>(ExtraInputArguments);
        return copy;
    }
}
