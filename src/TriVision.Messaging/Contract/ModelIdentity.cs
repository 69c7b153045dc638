namespace TriVision.Messaging.Contract;

/// <summary>The model that made a decision: name and SHA-256 of the ONNX file, so every alarm is traceable.</summary>
public sealed record ModelIdentity(string Name, string Hash);
