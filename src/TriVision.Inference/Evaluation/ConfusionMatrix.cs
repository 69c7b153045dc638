using System.Text.Json.Serialization;

namespace TriVision.Inference.Evaluation;

/// <summary>
/// Confusion counts at the operating threshold and IoU 0.5, matching boxes regardless of class:
/// <c>Counts[truth][predicted]</c>, where the last index of both is "background" (a missed object is
/// counted in its class row, background column; a detection of nothing in the background row).
/// </summary>
public sealed class ConfusionMatrix
{
    /// <summary>Class names, then "background".</summary>
    [JsonPropertyName("labels")]
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Rows: ground-truth class; columns: predicted class.</summary>
    [JsonPropertyName("counts")]
    public required int[][] Counts { get; init; }

    /// <summary>Objects of class <paramref name="truth"/> detected as <paramref name="predicted"/>.</summary>
    public int this[int truth, int predicted] => Counts[truth][predicted];
}
