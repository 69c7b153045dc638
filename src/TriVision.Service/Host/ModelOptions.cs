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
    /// ONNX Runtime threads busy-wait between operators (true, ORT's own default) or sleep (false, the default here):
    /// on a small box shared with capture and analytics, sleeping gives those threads the cores back, and measured no
    /// slower even on an idle 2-core host (docs/configuration.md).
    /// </summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Most boxes kept per frame. Default 300.</summary>
    public int MaxDetections { get; set; } = 300;
}
