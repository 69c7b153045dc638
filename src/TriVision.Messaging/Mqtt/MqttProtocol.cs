namespace TriVision.Messaging.Mqtt;

/// <summary>MQTT protocol level. 5 is the default: user properties carry the command sender's identity.</summary>
public enum MqttProtocol
{
    V311 = 4,
    V5 = 5,
}
