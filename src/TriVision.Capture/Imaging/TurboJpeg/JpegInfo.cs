namespace TriVision.Capture.Imaging.TurboJpeg;

/// <summary>What a JPEG header says: size, chroma subsampling (TJSAMP) and colour space (TJCS).</summary>
public readonly record struct JpegInfo(int Width, int Height, int Subsampling, int Colorspace)
{
    /// <summary>TJCS_GRAY: the image has one channel.</summary>
    public bool IsGray => Colorspace == 2;
}
