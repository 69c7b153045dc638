namespace TriVision.Analytics.Alarms;

/// <summary>
/// Immutable snapshot of an alarm. <see cref="ConditionKey"/> identifies a condition that can only be
/// open once (e.g. "jam:cam1", "camera-fault:cam2"); hazard alarms have one per object.
/// <see cref="DetailsJson"/> carries the kind-specific payload (hazard: class, ETAs, confidence history;
/// jam: the inputs behind the state).
/// </summary>
public sealed record Alarm(
    string Id,
    AlarmKind Kind,
    AlarmSeverity Severity,
    string CameraId,
    string ConditionKey,
    string Title,
    string DetailsJson,
    AlarmState State,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    int EscalationLevel = 0,
    DateTimeOffset? EscalatedAt = null,
    string? ResolvedBy = null,
    DateTimeOffset? ResolvedAt = null,
    string? ResolutionNote = null)
{
    public bool IsOpen => State != AlarmState.Resolved;
}
