namespace TriVision.Messaging.Contract;

/// <summary>
/// Liveness of the vision pipeline (topic <c>trivision/{site}/{line}/heartbeat</c>). It stops when
/// inference stalls, so a PLC watchdog that expects one every <see cref="PeriodMs"/> catches a blind
/// system, not only a dead process. Schema: docs/schemas/heartbeat.json.
/// </summary>
public sealed record Heartbeat
{
    public required string Site { get; init; }
    public required string Line { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Increments by one per heartbeat since start.</summary>
    public required long Seq { get; init; }
    public required long PeriodMs { get; init; }
    /// <summary>Frames inferred since start.</summary>
    public required long Frames { get; init; }
    /// <summary>Milliseconds since the last completed inference.</summary>
    public required long LastInferenceAgeMs { get; init; }
}
