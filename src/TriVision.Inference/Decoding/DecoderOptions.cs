namespace TriVision.Inference.Decoding;

/// <summary>Thresholds and limits of <see cref="DetectionDecoder"/>; defaults are Ultralytics' predict defaults.</summary>
public sealed class DecoderOptions
{
    /// <summary>Minimum score a candidate needs (0.25: Ultralytics' default conf).</summary>
    public float ScoreThreshold { get; set; } = 0.25f;

    /// <summary>
    /// Optional per-class minimum score, indexed by class id; classes beyond its length use
    /// <see cref="ScoreThreshold"/>. Lets a plant be more eager on gas cylinders than on cans.
    /// </summary>
    public float[]? PerClassThreshold { get; set; }

    /// <summary>Overlap above which the lower-scored box of the same class is dropped (0.45).</summary>
    public float IouThreshold { get; set; } = 0.45f;

    /// <summary>Most detections returned per frame (300: Ultralytics' max_det).</summary>
    public int MaxDetections { get; set; } = 300;

    /// <summary>Suppress overlapping boxes across classes too (false: class-aware, Ultralytics' default).</summary>
    public bool ClassAgnosticNms { get; set; }

    /// <summary>
    /// Forces the output layout instead of detecting it from the shape; needed for shapes that
    /// fit two layouts and no class count is known (see <see cref="OutputLayoutDetector"/>).
    /// </summary>
    public OutputLayout? Layout { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(ScoreThreshold >= 0f && ScoreThreshold <= 1f))
            throw new ArgumentOutOfRangeException(nameof(ScoreThreshold), ScoreThreshold, "Score threshold must be between 0 and 1.");
        if (!(IouThreshold >= 0f && IouThreshold <= 1f))
            throw new ArgumentOutOfRangeException(nameof(IouThreshold), IouThreshold, "IoU threshold must be between 0 and 1.");
        if (MaxDetections <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxDetections), MaxDetections, "Max detections must be at least 1.");
        if (PerClassThreshold is { } per)
        {
            for (int i = 0; i < per.Length; i++)
            {
                if (!(per[i] >= 0f && per[i] <= 1f))
                    throw new ArgumentOutOfRangeException(nameof(PerClassThreshold), per[i], $"Score threshold of class {i} must be between 0 and 1.");
            }
        }
    }
}
