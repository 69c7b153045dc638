using TriVision.Messaging.Mqtt;

namespace TriVision.Messaging.Sparkplug;

/// <summary>Sparkplug B (spBv1.0) edge node settings. One edge node per line, one device per camera.</summary>
public sealed class SparkplugOptions
{
    /// <summary>Sparkplug group id; usually the site.</summary>
    public string GroupId { get; set; } = "site";

    /// <summary>Edge node id; usually <c>trivision-{line}</c>.</summary>
    public string EdgeNodeId { get; set; } = "trivision-line1";

    /// <summary>Camera ids, each published as a Sparkplug device.</summary>
    public IReadOnlyList<string> Cameras { get; set; } = ["cam1"];

    public MqttClientOptions Client { get; set; } = new() { Protocol = MqttProtocol.V311 };

    public void Validate()
    {
        Contract.TopicContract.CheckSegment(GroupId, "Sparkplug:GroupId");
        Contract.TopicContract.CheckSegment(EdgeNodeId, "Sparkplug:EdgeNodeId");
        if (Cameras.Count == 0) throw new ArgumentException("Sparkplug:Cameras is empty; list at least one camera id.");
        foreach (var camera in Cameras) Contract.TopicContract.CheckSegment(camera, "Sparkplug:Cameras");
        Client.Validate();
    }
}
