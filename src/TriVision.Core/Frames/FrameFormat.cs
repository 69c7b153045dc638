namespace TriVision.Core.Frames;

/// <summary>Geometry of one frame buffer: size, pixel layout and row pitch in bytes.</summary>
public readonly record struct FrameFormat
{
    public FrameFormat(int width, int height, PixelFormat pixelFormat, int stride = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(height, 0);
        int minStride = width * pixelFormat.BytesPerPixel();
        if (stride == 0) stride = minStride;
        if (stride < minStride)
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"Stride must be at least {minStride} bytes for {width} px of {pixelFormat}.");
        Width = width;
        Height = height;
        PixelFormat = pixelFormat;
        Stride = stride;
    }

    public int Width { get; }
    public int Height { get; }
    public PixelFormat PixelFormat { get; }
    public int Stride { get; }

    /// <summary>Bytes a buffer must hold for one frame of this format.</summary>
    public int BufferSize => checked(Stride * Height);

    public override string ToString() => $"{Width}x{Height} {PixelFormat}";
}
