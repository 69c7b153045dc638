namespace TriVision.Core.Frames;

/// <summary>A frame source cannot be opened or used; the message names the source and the cause.</summary>
public class FrameSourceException : Exception
{
    public FrameSourceException(string message) : base(message) { }

    public FrameSourceException(string message, Exception? inner) : base(message, inner) { }
}
