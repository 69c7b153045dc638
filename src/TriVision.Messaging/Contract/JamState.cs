namespace TriVision.Messaging.Contract;

public enum JamState
{
    Clear,
    Risk,
    Jammed,
}
