namespace TriVision.Inference.Onnx;

/// <summary>
/// A model cannot be used: missing or unreadable file, not a valid ONNX model, or tensors that
/// are not what an image detector needs. The message starts with the model's path.
/// </summary>
public sealed class OnnxModelException : Exception
{
    public OnnxModelException(string model, string problem, Exception? inner = null)
        : base($"{model}: {problem}", inner)
    {
        Model = model;
        Problem = problem;
    }

    /// <summary>The model file's full path, or a description of an in-memory model.</summary>
    public string Model { get; }

    public string Problem { get; }
}
