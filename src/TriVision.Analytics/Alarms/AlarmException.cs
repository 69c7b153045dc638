namespace TriVision.Analytics.Alarms;

/// <summary>An alarm operation that cannot be done (unknown id, already resolved) or a store failure; the message says which.</summary>
public sealed class AlarmException : Exception
{
    public AlarmException(string message) : base(message) { }
    public AlarmException(string message, Exception inner) : base(message, inner) { }
}
