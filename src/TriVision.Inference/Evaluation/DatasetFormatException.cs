namespace TriVision.Inference.Evaluation;

/// <summary>A dataset file (data.yaml or a label file) that cannot be used; the message names the file and what is wrong.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    public DatasetFormatException(string path, string problem, Exception inner)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The offending file.</summary>
    public string Path { get; }
}
