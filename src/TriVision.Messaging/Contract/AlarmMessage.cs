namespace TriVision.Messaging.Contract;

/// <summary>
/// A hazard alarm (topic <c>trivision/{site}/{line}/alarm</c>, QoS 1, not retained). Delivery is at
/// least once: consumers dedupe by <see cref="Id"/>. Schema: docs/schemas/alarm.json.
/// </summary>
public sealed record AlarmMessage
{
    /// <summary>Unique alarm id (a UUID); the dedupe key.</summary>
    public required string Id { get; init; }
    public required string Site { get; init; }
    public required string Line { get; init; }
    public required string Camera { get; init; }
    /// <summary>Class name, e.g. <c>lithium_battery</c>.</summary>
    public required string ClassName { get; init; }
    public required float Confidence { get; init; }
    public long? TrackId { get; init; }
    /// <summary>Capture timestamp of the frame that raised the alarm (UTC).</summary>
    public required DateTimeOffset CapturedAt { get; init; }
    /// <summary>When the alarm was raised and written to the outbox (UTC).</summary>
    public required DateTimeOffset RaisedAt { get; init; }
    public required RequestedAction Action { get; init; }
    public IReadOnlyList<DownstreamEta> Downstream { get; init; } = [];
    public required ModelIdentity Model { get; init; }
    /// <summary>Normalised box [x1, y1, x2, y2] in 0..1 image coordinates, or null.</summary>
    public float[]? Box { get; init; }
    /// <summary>Stamped when the message is handed to the broker (again on a replay); must stay the last property.</summary>
    public DateTimeOffset PublishedAt { get; init; } = PublishStamp.Placeholder;
}
