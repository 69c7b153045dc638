namespace TriVision.Messaging.Sparkplug;

/// <summary>spBv1.0 topic names: <c>spBv1.0/{group}/{type}/{edge node}[/{device}]</c>.</summary>
public sealed class SparkplugTopics(string groupId, string edgeNodeId)
{
    public const string Namespace = "spBv1.0";

    public string NodeBirth { get; } = $"{Namespace}/{groupId}/NBIRTH/{edgeNodeId}";
    public string NodeDeath { get; } = $"{Namespace}/{groupId}/NDEATH/{edgeNodeId}";
    public string NodeData { get; } = $"{Namespace}/{groupId}/NDATA/{edgeNodeId}";
    public string NodeCommand { get; } = $"{Namespace}/{groupId}/NCMD/{edgeNodeId}";

    public string DeviceBirth(string device) => $"{Namespace}/{groupId}/DBIRTH/{edgeNodeId}/{device}";
    public string DeviceData(string device) => $"{Namespace}/{groupId}/DDATA/{edgeNodeId}/{device}";
    public string DeviceDeath(string device) => $"{Namespace}/{groupId}/DDEATH/{edgeNodeId}/{device}";
}
