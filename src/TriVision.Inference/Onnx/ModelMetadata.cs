namespace TriVision.Inference.Onnx;

/// <summary>The model's metadata; <see cref="Custom"/> holds e.g. Ultralytics' "names", "imgsz", "stride".</summary>
public sealed record ModelMetadata(string ProducerName, string GraphName, IReadOnlyDictionary<string, string> Custom);
