using System.Diagnostics.Metrics;

namespace TriVision.Inference.Onnx;

/// <summary>Metrics of the ONNX session layer, on the <c>TriVision.Inference</c> meter.</summary>
public static class OnnxMetrics
{
    public const string MeterName = "TriVision.Inference";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Sessions that wanted a GPU provider and run on CPU instead; tagged with the requested provider.</summary>
    internal static readonly Counter<long> ProviderFallbacks =
        Meter.CreateCounter<long>("trivision.inference.provider_fallbacks", unit: "{session}",
            description: "Sessions that fell back to CPU because the requested execution provider was unavailable");
}
