namespace TriVision.Service.Scenarios;

/// <summary>Where scenario runs keep their <see cref="DetectionTape"/>s, and what a tape must match besides scenario, seed and frame rate.</summary>
/// <param name="Directory">Folder of the tapes (created on first record).</param>
/// <param name="ModelSha256">SHA-256 of the model file the detector loaded.</param>
/// <param name="Conf">The detector's score threshold.</param>
public sealed record DetectionTapeSettings(string Directory, string ModelSha256, float Conf);
