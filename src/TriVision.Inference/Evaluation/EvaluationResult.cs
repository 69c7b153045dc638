using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriVision.Inference.Evaluation;

/// <summary>The outcome of a COCO-style evaluation; <see cref="ToJson"/> is the `trivision eval --json` document.</summary>
public sealed class EvaluationResult
{
    /// <summary>Mean over classes with ground truth of AP@0.5.</summary>
    [JsonPropertyName("map50")]
    public double Map50 { get; init; }

    /// <summary>Mean over classes with ground truth of AP@0.5:0.95.</summary>
    [JsonPropertyName("map50_95")]
    public double Map50To95 { get; init; }

    /// <summary>Class name to its metrics, in class-index order.</summary>
    [JsonPropertyName("per_class")]
    public required IReadOnlyDictionary<string, ClassMetrics> PerClass { get; init; }

    /// <summary>Score threshold used for precision, recall and the confusion counts.</summary>
    [JsonPropertyName("operating_threshold")]
    public float OperatingThreshold { get; init; }

    /// <summary>Number of images evaluated.</summary>
    [JsonPropertyName("images")]
    public int Images { get; init; }

    [JsonPropertyName("confusion")]
    public required ConfusionMatrix Confusion { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, EvaluationJsonContext.Default.EvaluationResult);

    /// <summary>A fixed-width table for terminals and logs.</summary>
    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"{"class",-16} {"support",8} {"AP50",7} {"AP50-95",8} {"P",7} {"R",7}");
        foreach (var (name, m) in PerClass)
        {
            string ap50 = m.Ap50 is { } a ? a.ToString("0.000", inv) : "-";
            string ap = m.Ap50To95 is { } b ? b.ToString("0.000", inv) : "-";
            sb.AppendLine(inv, $"{name,-16} {m.Support,8} {ap50,7} {ap,8} {m.Precision,7:0.000} {m.Recall,7:0.000}");
        }
        sb.AppendLine(inv, $"{"all",-16} {"",8} {Map50,7:0.000} {Map50To95,8:0.000}   (threshold {OperatingThreshold:0.00}, {Images} images)");
        return sb.ToString();
    }
}
