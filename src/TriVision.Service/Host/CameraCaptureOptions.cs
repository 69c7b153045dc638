using TriVision.Capture.Configuration;

namespace TriVision.Service.Host;

/// <summary>
/// <c>Cameras:N:Capture</c>: the capture layer's options without its Name and Source (those are the
/// camera's own keys), so each setting has exactly one place in the file.
/// </summary>
public sealed class CameraCaptureOptions
{
    private static readonly CameraSourceOptions Defaults = new();

    public string? PixelFormat { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public int OffsetX { get; set; }
    public int OffsetY { get; set; }
    public double ExposureUs { get; set; }
    public double GainDb { get; set; } = Defaults.GainDb;
    public double FrameRate { get; set; }
    public int PacketSize { get; set; }
    public long PacketDelayNs { get; set; }
    public int StreamBuffers { get; set; } = Defaults.StreamBuffers;
    public int PoolSize { get; set; } = Defaults.PoolSize;
    public int SlotCapacity { get; set; } = Defaults.SlotCapacity;
    public TimeSpan FaultTimeout { get; set; } = Defaults.FaultTimeout;
    public TimeSpan StartTimeout { get; set; } = Defaults.StartTimeout;
    public TimeSpan ReconnectMinDelay { get; set; } = Defaults.ReconnectMinDelay;
    public TimeSpan ReconnectMaxDelay { get; set; } = Defaults.ReconnectMaxDelay;
    public bool Reconnect { get; set; } = Defaults.Reconnect;
    public bool Loop { get; set; }
    public bool NativeRate { get; set; } = Defaults.NativeRate;
    public string RtspTransport { get; set; } = Defaults.RtspTransport;
    public bool RtspListen { get; set; }
    public string? HwAccel { get; set; }
    public List<string> ExtraInputArguments { get; set; } = new();
    public string FFmpegPath { get; set; } = Defaults.FFmpegPath;

    internal CameraSourceOptions ToSourceOptions(string name, string source) => new()
    {
        Name = name,
        Source = source,
        PixelFormat = PixelFormat,
        Width = Width,
        Height = Height,
        OffsetX = OffsetX,
        OffsetY = OffsetY,
        ExposureUs = ExposureUs,
        GainDb = GainDb,
        FrameRate = FrameRate,
        PacketSize = PacketSize,
        PacketDelayNs = PacketDelayNs,
        StreamBuffers = StreamBuffers,
        PoolSize = PoolSize,
        SlotCapacity = SlotCapacity,
        FaultTimeout = FaultTimeout,
        StartTimeout = StartTimeout,
        ReconnectMinDelay = ReconnectMinDelay,
        ReconnectMaxDelay = ReconnectMaxDelay,
        Reconnect = Reconnect,
        Loop = Loop,
        NativeRate = NativeRate,
        RtspTransport = RtspTransport,
        RtspListen = RtspListen,
        HwAccel = HwAccel,
        ExtraInputArguments = new List<string>(ExtraInputArguments),
        FFmpegPath = FFmpegPath,
    };
}
