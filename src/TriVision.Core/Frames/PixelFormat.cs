namespace TriVision.Core.Frames;

/// <summary>
/// Pixel layouts a frame may arrive in. The names follow GenICam's PFNC so that a camera's
/// PixelFormat feature maps onto them one to one.
/// </summary>
public enum PixelFormat
{
    Mono8,
    Rgb8,
    Bgr8,
    BayerRG8,
    BayerBG8,
    BayerGR8,
    BayerGB8,
}
