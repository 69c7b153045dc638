namespace TriVision.Inference.Decoding;

/// <summary>The model's output tensor matches none of the detection layouts TriVision decodes.</summary>
public sealed class UnsupportedOutputLayoutException : Exception
{
    public UnsupportedOutputLayoutException(string message)
        : base(message)
    {
    }

    public UnsupportedOutputLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
