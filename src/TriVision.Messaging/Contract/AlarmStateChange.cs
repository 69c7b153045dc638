namespace TriVision.Messaging.Contract;

/// <summary>An alarm changed state (topic <c>trivision/{site}/{line}/alarm/state</c>, QoS 1). Schema: docs/schemas/alarm-state.json.</summary>
public sealed record AlarmStateChange
{
    /// <summary>Unique id of this change (the dedupe key), not the alarm's id.</summary>
    public required string Id { get; init; }
    public required string AlarmId { get; init; }
    public required string Site { get; init; }
    public required string Line { get; init; }
    public required AlarmState State { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Who caused it: a command client id, or <c>trivision</c> for automatic resolution.</summary>
    public string? By { get; init; }
    public DateTimeOffset PublishedAt { get; init; } = PublishStamp.Placeholder;
}
