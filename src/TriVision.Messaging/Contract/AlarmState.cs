namespace TriVision.Messaging.Contract;

public enum AlarmState
{
    Raised,
    Acknowledged,
    Resolved,
}
