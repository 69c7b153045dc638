namespace TriVision.Core.Imaging;

/// <summary>A PNG stream that this decoder cannot read: corrupt, truncated or of an unsupported kind.</summary>
public sealed class PngFormatException : Exception
{
    public PngFormatException(string message) : base(message) { }
    public PngFormatException(string message, Exception inner) : base(message, inner) { }
}
