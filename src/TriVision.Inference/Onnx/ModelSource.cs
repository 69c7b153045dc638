namespace TriVision.Inference.Onnx;

/// <summary>Where a model's bytes come from: a file ORT reads itself (external data works) or a buffer.</summary>
internal readonly record struct ModelSource(string? Path, ReadOnlyMemory<byte> Bytes)
{
    public static ModelSource FromFile(string path) => new(path, default);

    public static ModelSource FromBytes(ReadOnlyMemory<byte> bytes) => new(null, bytes);
}
