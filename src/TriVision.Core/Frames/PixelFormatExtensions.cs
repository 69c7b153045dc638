namespace TriVision.Core.Frames;

public static class PixelFormatExtensions
{
    public static int BytesPerPixel(this PixelFormat format) => format switch
    {
        PixelFormat.Rgb8 or PixelFormat.Bgr8 => 3,
        _ => 1,
    };

    public static bool IsBayer(this PixelFormat format) =>
        format is PixelFormat.BayerRG8 or PixelFormat.BayerBG8 or PixelFormat.BayerGR8 or PixelFormat.BayerGB8;

    /// <summary>Parses PFNC names case-insensitively ("BayerRG8", "bgr8", "Mono8").</summary>
    public static bool TryParse(string? text, out PixelFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);
}
