using System.Text.Json.Serialization;

namespace TriVision.Inference.Evaluation;

/// <summary>Source-generated serialisation of evaluation results (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(EvaluationResult))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext
{
}
