namespace TriVision.Analytics.Alarms;

public enum AlarmEventType
{
    Raised,
    /// <summary>Severity or details of an open alarm changed (e.g. a jam warning became critical).</summary>
    Updated,
    Acknowledged,
    Escalated,
    Resolved,
}
