using TriVision.Core.Frames;

namespace TriVision.Capture.Configuration;

/// <summary>A camera is configured wrongly; the message names the key, the value and what is allowed.</summary>
public sealed class CaptureConfigurationException : FrameSourceException
{
    public CaptureConfigurationException(string message) : base(message) { }
}
