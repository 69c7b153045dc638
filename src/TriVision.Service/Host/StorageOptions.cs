namespace TriVision.Service.Host;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder for alarms.db (alarm lifecycle) and mqtt-outbox.db (durable outbox). Default "data"; created if missing.</summary>
    public string DataFolder { get; set; } = "data";
}
