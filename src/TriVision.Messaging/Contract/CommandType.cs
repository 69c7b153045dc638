namespace TriVision.Messaging.Contract;

public enum CommandType
{
    AckAlarm,
    MuteLine,
    RequestState,
}
