namespace TriVision.Messaging.Mqtt;

/// <summary>A libmosquitto call failed or the broker refused us; the message names the call and the library's reason.</summary>
public sealed class MqttException : Exception
{
    public MqttException(string message) : base(message) { }

    /// <summary>The libmosquitto call that failed, e.g. <c>mosquitto_tls_set</c>, or null for broker-side refusals.</summary>
    public string? Call { get; init; }

    /// <summary>libmosquitto's <c>mosq_err_t</c> or the CONNACK reason code.</summary>
    public int Code { get; init; }
}
