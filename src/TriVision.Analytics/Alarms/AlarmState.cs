namespace TriVision.Analytics.Alarms;

public enum AlarmState
{
    Raised,
    Acknowledged,
    Resolved,
}
