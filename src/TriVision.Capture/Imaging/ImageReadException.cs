namespace TriVision.Capture.Imaging;

/// <summary>An image file could not be read or decoded; the message names the file and the reason.</summary>
public sealed class ImageReadException : Exception
{
    public ImageReadException(string path, string reason, Exception? inner = null)
        : base($"cannot read image '{path}': {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }
    public string Reason { get; }
}
