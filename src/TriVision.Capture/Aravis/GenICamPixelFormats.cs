using TriVision.Core.Frames;

namespace TriVision.Capture.Aravis;

/// <summary>PFNC codes (arvenums.h) of the pixel formats TriVision handles.</summary>
internal static class GenICamPixelFormats
{
    public const uint Mono8 = 0x01080001;
    public const uint BayerGR8 = 0x01080008;
    public const uint BayerRG8 = 0x01080009;
    public const uint BayerGB8 = 0x0108000a;
    public const uint BayerBG8 = 0x0108000b;
    public const uint Rgb8 = 0x02180014;
    public const uint Bgr8 = 0x02180015;

    public static uint ToPfnc(PixelFormat format) => format switch
    {
        PixelFormat.Mono8 => Mono8,
        PixelFormat.Rgb8 => Rgb8,
        PixelFormat.Bgr8 => Bgr8,
        PixelFormat.BayerRG8 => BayerRG8,
        PixelFormat.BayerBG8 => BayerBG8,
        PixelFormat.BayerGR8 => BayerGR8,
        PixelFormat.BayerGB8 => BayerGB8,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static bool TryFromPfnc(uint code, out PixelFormat format)
    {
        switch (code)
        {
            case Mono8: format = PixelFormat.Mono8; return true;
            case Rgb8: format = PixelFormat.Rgb8; return true;
            case Bgr8: format = PixelFormat.Bgr8; return true;
            case BayerRG8: format = PixelFormat.BayerRG8; return true;
            case BayerBG8: format = PixelFormat.BayerBG8; return true;
            case BayerGR8: format = PixelFormat.BayerGR8; return true;
            case BayerGB8: format = PixelFormat.BayerGB8; return true;
            default: format = default; return false;
        }
    }
}
