namespace TriVision.Inference.Onnx;

/// <summary>A GPU execution provider was required (strict mode) but cannot be used.</summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException(ExecutionProvider requested, IReadOnlyList<string> available, string reason, Exception? inner = null)
        : base($"Execution provider {requested} was requested (strict) but is not usable: {reason}. "
               + $"This ONNX Runtime offers: {string.Join(", ", available)}. "
               + "Install the GPU build with: scripts/setup.sh --gpu (or set Strict = false to fall back to CPU).", inner)
    {
        Requested = requested;
        Available = available;
        Reason = reason;
    }

    public ExecutionProvider Requested { get; }

    /// <summary>What <c>GetAvailableProviders</c> reported, e.g. "CPUExecutionProvider".</summary>
    public IReadOnlyList<string> Available { get; }

    public string Reason { get; }
}
