namespace TriVision.Service.Host;

/// <summary>Configuration section <c>Model</c>: the detector every camera shares the settings of.</summary>
public sealed class ModelOptions
{
    /// <summary>Path of the .onnx model, relative to the working directory. Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>cpu, cuda, tensorrt or auto. Default cpu: works on every machine.</summary>
    public string Provider { get; set; } = "cpu";

    /// <summary>True: a requested provider that is missing stops the service. False (default): fall back to CPU and raise a "vision degraded" alarm.</summary>
    public bool Strict { get; set; }

    /// <summary>Optional labels file (one class name per line) that overrides the model's own names.</summary>
    public string? Labels { get; set; }

    /// <summary>Minimum detection score kept (0..1). Default 0.25: the tracker's low stage needs weak boxes too.</summary>
    public float ConfidenceThreshold { get; set; } = 0.25f;

    /// <summary>IoU above which NMS suppresses the weaker box (0..1). Default 0.45.</summary>
    public float IouThreshold { get; set; } = 0.45f;

    /// <summary>
    /// ONNX Runtime threads busy-wait between operators (true) or sleep (false). Unset: ORT's default (spin). On a
    /// 2-core box shared with capture and analytics, false gives those threads the cores back (docs/configuration.md).
    /// </summary>
    public bool? AllowSpinning { get; set; }

    /// <summary>Most boxes kept per frame. Default 300.</summary>
    public int MaxDetections { get; set; } = 300;
}
