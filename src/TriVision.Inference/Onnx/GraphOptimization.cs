namespace TriVision.Inference.Onnx;

/// <summary>ORT's <c>GraphOptimizationLevel</c>; values are the header's.</summary>
public enum GraphOptimization
{
    Disabled = 0,
    Basic = 1,
    Extended = 2,
    Layout = 3,
    All = 99,
}
