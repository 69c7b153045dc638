namespace TriVision.Analytics.Alarms;

public enum AlarmSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}
