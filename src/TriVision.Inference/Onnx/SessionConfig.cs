namespace TriVision.Inference.Onnx;

/// <summary>
/// How to open an ONNX session. Every option has a default that works on a CPU-only machine.
/// </summary>
public sealed record SessionConfig
{
    /// <summary>Where to run. Default <see cref="ExecutionProvider.Cpu"/>: the one provider every install has.</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>
    /// When the requested GPU provider cannot be used: true fails at open
    /// (<see cref="ProviderUnavailableException"/>); false (default) runs on CPU, logs a warning,
    /// counts a fallback and reports the session as degraded. Default false so a plant keeps
    /// sorting when a driver breaks; set true where CPU speed is not enough to be useful.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>GPU device ordinal for CUDA/TensorRT. Default 0.</summary>
    public int DeviceId { get; init; }

    /// <summary>Threads inside one operator; 0 (default) lets ORT use one per physical core.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators; 0 (default) = ORT's default. Only used in parallel mode, which TriVision does not enable.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>
    /// Whether ORT's worker threads spin (busy-wait) between operators instead of sleeping. Null (default) keeps ORT's
    /// default (spinning). False frees the cores between operators for capture and analytics on a small shared box, at
    /// some latency when the CPU is otherwise idle; measure both with <c>trivision detect --spin</c>.
    /// </summary>
    public bool? AllowSpinning { get; init; }

    /// <summary>Graph optimisation level. Default <see cref="GraphOptimization.All"/> (ORT's own default and fastest).</summary>
    public GraphOptimization Optimization { get; init; } = GraphOptimization.All;

    /// <summary>When set, ORT writes the optimised graph there (to inspect it or load it faster next time). Default none.</summary>
    public string? OptimizedModelPath { get; init; }

    /// <summary>TensorRT: allow FP16 kernels. Default true: detectors lose no useful accuracy and run about twice as fast.</summary>
    public bool TensorRtFp16 { get; init; } = true;

    /// <summary>TensorRT: folder for built engines, so a restart does not rebuild them (minutes on a Jetson). Default none (no cache).</summary>
    public string? TensorRtEngineCachePath { get; init; }

    /// <summary>Input height for models whose input height is dynamic; ignored when the model fixes it. Default none.</summary>
    public int? InputHeight { get; init; }

    /// <summary>Input width for models whose input width is dynamic; ignored when the model fixes it. Default none.</summary>
    public int? InputWidth { get; init; }

    /// <summary>Severity of ORT's own log (it writes to stderr). Default Warning. Only the first session's value counts: ORT has one environment per process.</summary>
    public OrtLogLevel LogLevel { get; init; } = OrtLogLevel.Warning;

    /// <summary>Explicit path to libonnxruntime; else TRIVISION_ORT_LIBRARY, then .native/, then the system. Only the first load counts.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option, the value and what is allowed.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Provider))
            throw new ArgumentException($"SessionConfig.Provider = {Provider} is not one of cpu, cuda, tensorrt, auto.", nameof(Provider));
        if (!Enum.IsDefined(Optimization))
            throw new ArgumentException($"SessionConfig.Optimization = {Optimization} is not one of Disabled, Basic, Extended, Layout, All.", nameof(Optimization));
        if (!Enum.IsDefined(LogLevel))
            throw new ArgumentException($"SessionConfig.LogLevel = {LogLevel} is not one of Verbose, Info, Warning, Error, Fatal.", nameof(LogLevel));
        if (DeviceId < 0)
            throw new ArgumentException($"SessionConfig.DeviceId = {DeviceId}; must be 0 or more.", nameof(DeviceId));
        if (IntraOpThreads < 0)
            throw new ArgumentException($"SessionConfig.IntraOpThreads = {IntraOpThreads}; must be 0 (ORT default) or more.", nameof(IntraOpThreads));
        if (InterOpThreads < 0)
            throw new ArgumentException($"SessionConfig.InterOpThreads = {InterOpThreads}; must be 0 (ORT default) or more.", nameof(InterOpThreads));
        if (InputHeight is <= 0)
            throw new ArgumentException($"SessionConfig.InputHeight = {InputHeight}; must be positive.", nameof(InputHeight));
        if (InputWidth is <= 0)
            throw new ArgumentException($"SessionConfig.InputWidth = {InputWidth}; must be positive.", nameof(InputWidth));
    }
}
