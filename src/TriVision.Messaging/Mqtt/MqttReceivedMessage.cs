namespace TriVision.Messaging.Mqtt;

/// <summary>A message copied out of libmosquitto's buffers (they are freed when the callback returns).</summary>
/// <param name="UserProperties">MQTT 5 user properties in arrival order; empty on 3.1.1.</param>
public sealed record MqttReceivedMessage(
    string Topic,
    byte[] Payload,
    int Qos,
    bool Retain,
    IReadOnlyList<KeyValuePair<string, string>> UserProperties);
