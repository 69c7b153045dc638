namespace TriVision.Service.Host;

/// <summary><c>Mqtt:Tls</c>: the CA that signed the broker, and optionally this client's certificate and key.</summary>
public sealed class MqttTlsSection
{
    public string CaFile { get; set; } = "";
    public string? CertFile { get; set; }
    public string? KeyFile { get; set; }
}
