namespace TriVision.Service.Host;

/// <summary>Configuration section <c>Http</c>: where /metrics and /health listen.</summary>
public sealed class HttpOptions
{
    /// <summary>Bind address. Default 127.0.0.1: metrics stay on the box unless an operator opens them on purpose.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port. Default 8080; 0 = any free port (tests).</summary>
    public int Port { get; set; } = 8080;
}
