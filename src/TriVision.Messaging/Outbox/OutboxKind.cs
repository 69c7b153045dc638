namespace TriVision.Messaging.Outbox;

/// <summary>What a row holds; decides what may be coalesced when the outbox is over its bound.</summary>
public enum OutboxKind
{
    Alarm = 1,
    AlarmState = 2,
    /// <summary>Retained belt state: only the newest per topic matters, so older rows are coalesced first.</summary>
    BeltState = 3,
    Other = 4,
}
