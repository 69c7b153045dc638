namespace TriVision.Analytics.Alarms;

/// <summary>One step of an alarm's life, with the alarm as it is after the step.</summary>
public sealed record AlarmEvent(AlarmEventType Type, Alarm Alarm, DateTimeOffset At);
