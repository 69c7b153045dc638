namespace TriVision.Messaging.Outbox;

/// <summary>Outbox settings.</summary>
public sealed class OutboxOptions
{
    /// <summary>SQLite file. Put it on persistent storage, not tmpfs, or a restart loses the pending alarms.</summary>
    public string Path { get; set; } = "data/mqtt-outbox.db";

    /// <summary>Pending rows above which belt-state rows are coalesced. Alarms are never dropped, so the outbox may exceed it.</summary>
    public int Bound { get; set; } = 10_000;

    /// <summary>fsync every append (survives power loss). False survives a process crash only.</summary>
    public bool SynchronousFull { get; set; } = true;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) throw new ArgumentException("Mqtt:Outbox:Path is empty; set a file on persistent storage.");
        if (Bound < 1) throw new ArgumentException($"Mqtt:Outbox:Bound is {Bound}; must be at least 1.");
    }
}
