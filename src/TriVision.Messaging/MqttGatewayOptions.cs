using TriVision.Messaging.Commands;
using TriVision.Messaging.Health;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Outbox;

namespace TriVision.Messaging;

/// <summary>Everything the plain-JSON MQTT gateway needs (configuration section <c>Mqtt</c>).</summary>
public sealed class MqttGatewayOptions
{
    /// <summary>Plant or site name, the second topic level.</summary>
    public string Site { get; set; } = "site";

    /// <summary>Sorting line name, the third topic level.</summary>
    public string Line { get; set; } = "line1";

    public MqttClientOptions Client { get; set; } = new();
    public OutboxOptions Outbox { get; set; } = new();
    public HeartbeatOptions Heartbeat { get; set; } = new();
    public CommandOptions Commands { get; set; } = new();

    /// <summary>Minimum time between belt-state publishes; newer values in between replace older ones.</summary>
    public TimeSpan BeltStateMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    public void Validate()
    {
        Contract.TopicContract.CheckSegment(Site, "Mqtt:Site");
        Contract.TopicContract.CheckSegment(Line, "Mqtt:Line");
        Client.Validate();
        Outbox.Validate();
        Heartbeat.Validate();
        if (BeltStateMinInterval < TimeSpan.Zero) throw new ArgumentException($"Mqtt:BeltStateMinInterval is {BeltStateMinInterval}; must not be negative.");
    }
}
