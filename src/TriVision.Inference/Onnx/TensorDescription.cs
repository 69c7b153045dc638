namespace TriVision.Inference.Onnx;

/// <summary>
/// One model input or output. <see cref="Shape"/> has -1 for a dynamic dimension, whose symbolic
/// name (e.g. "batch") is in <see cref="DimensionNames"/> (empty string when unnamed).
/// <see cref="ElementType"/> is <see cref="TensorElementType.Undefined"/> for non-tensor values.
/// </summary>
public sealed record TensorDescription(string Name, TensorElementType ElementType, long[] Shape, string[] DimensionNames)
{
    public bool IsDynamic => Array.IndexOf(Shape, -1L) >= 0;

    public override string ToString() => $"{Name} {ElementType} [{string.Join(",", Shape)}]";
}
