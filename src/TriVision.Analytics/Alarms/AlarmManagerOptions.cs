namespace TriVision.Analytics.Alarms;

public sealed class AlarmManagerOptions
{
    /// <summary>An alarm not acknowledged this long after it was raised (or last escalated) is escalated one level.</summary>
    public int EscalateAfterMs { get; set; } = 60_000;

    /// <summary>Escalation stops at this level (e.g. 1 shift lead, 2 plant manager, 3 on-call).</summary>
    public int MaxEscalationLevel { get; set; } = 3;

    /// <summary>Resolved alarms stay in memory this long for late acknowledgements; they stay in the database for good.</summary>
    public int KeepResolvedMs { get; set; } = 60_000;

    public void Validate()
    {
        if (EscalateAfterMs < 1000) throw new ArgumentException($"Alarms:EscalateAfterMs = {EscalateAfterMs}: must be >= 1000.");
        if (MaxEscalationLevel < 0) throw new ArgumentException($"Alarms:MaxEscalationLevel = {MaxEscalationLevel}: must be >= 0.");
        if (KeepResolvedMs < 0) throw new ArgumentException($"Alarms:KeepResolvedMs = {KeepResolvedMs}: must be >= 0.");
    }
}
