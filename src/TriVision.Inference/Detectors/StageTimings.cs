namespace TriVision.Inference.Detectors;

/// <summary>Wall time of each stage of the last <see cref="OnnxDetector.Detect"/> call, in nanoseconds.</summary>
public readonly record struct StageTimings(long PreprocessNs, long InferenceNs, long DecodeNs)
{
    public long TotalNs => PreprocessNs + InferenceNs + DecodeNs;
}
