using System.Text.Json.Serialization;

namespace TriVision.Inference.Evaluation;

/// <summary>Metrics of one class. AP values are null when the class has no ground truth (COCO leaves it out of the means).</summary>
public sealed class ClassMetrics
{
    /// <summary>AP at IoU 0.5 (101-point interpolation).</summary>
    [JsonPropertyName("ap50")]
    public double? Ap50 { get; init; }

    /// <summary>AP averaged over IoU 0.50:0.05:0.95.</summary>
    [JsonPropertyName("ap50_95")]
    public double? Ap50To95 { get; init; }

    /// <summary>Precision at IoU 0.5 of the detections scoring at least the operating threshold.</summary>
    [JsonPropertyName("precision")]
    public double Precision { get; init; }

    /// <summary>Recall at IoU 0.5 at the operating threshold.</summary>
    [JsonPropertyName("recall")]
    public double Recall { get; init; }

    /// <summary>Number of ground-truth boxes of the class.</summary>
    [JsonPropertyName("support")]
    public int Support { get; init; }

    /// <summary>Detections of the class at or above the operating threshold.</summary>
    [JsonPropertyName("detections")]
    public int Detections { get; init; }

    /// <summary>Of those, the ones that matched a ground-truth box of the class.</summary>
    [JsonPropertyName("true_positives")]
    public int TruePositives { get; init; }
}
