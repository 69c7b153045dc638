namespace TriVision.Messaging.Contract;

/// <summary>A validated command (topic <c>trivision/{site}/{line}/cmd</c>). Schema: docs/schemas/command.json.</summary>
public sealed record CommandRequest
{
    /// <summary>The sender's id for this command; echoed in the reply.</summary>
    public required string Id { get; init; }
    public required CommandType Type { get; init; }
    /// <summary>The sender's identity, checked against the allow-list.</summary>
    public required string ClientId { get; init; }
    /// <summary>For <see cref="CommandType.AckAlarm"/>.</summary>
    public string? AlarmId { get; init; }
    /// <summary>For <see cref="CommandType.MuteLine"/>: 1..86400 seconds; the mute expires on its own.</summary>
    public int? DurationS { get; init; }
    /// <summary>Free text for the log (operator name, maintenance ticket).</summary>
    public string? Reason { get; init; }
}
