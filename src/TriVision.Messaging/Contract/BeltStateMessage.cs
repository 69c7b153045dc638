namespace TriVision.Messaging.Contract;

/// <summary>Belt state (topic <c>trivision/{site}/{line}/belt</c>, retained, rate-limited). Schema: docs/schemas/belt-state.json.</summary>
public sealed record BeltStateMessage
{
    public required string Site { get; init; }
    public required string Line { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Belt speed estimated from tracks, metres per second.</summary>
    public double SpeedMps { get; init; }
    /// <summary>Fraction of the belt area covered, 0..1.</summary>
    public double Occupancy { get; init; }
    public JamState JamState { get; init; }
    /// <summary>Predicted jam risk, 0..1.</summary>
    public double JamRisk { get; init; }
    /// <summary>Alarms muted for maintenance until this time, or null.</summary>
    public DateTimeOffset? MutedUntil { get; init; }
}
