namespace TriVision.Messaging.Mqtt;

/// <summary>The message the broker publishes for us when our connection dies without a DISCONNECT.</summary>
public sealed record MqttWill(string Topic, byte[] Payload, int Qos, bool Retain);
