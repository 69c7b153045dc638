namespace TriVision.Messaging.Mqtt;

/// <summary>TLS settings: the CA that signed the broker's certificate and, for brokers with
/// <c>require_certificate true</c>, this client's certificate and private key (PEM files).</summary>
public sealed record MqttTlsOptions(string CaFile, string? CertFile = null, string? KeyFile = null);
