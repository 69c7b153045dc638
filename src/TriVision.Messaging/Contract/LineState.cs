namespace TriVision.Messaging.Contract;

/// <summary>What <c>request_state</c> returns: the belt state, the open alarms and the mute.</summary>
public sealed record LineState
{
    public BeltStateMessage? Belt { get; init; }
    public IReadOnlyList<string> ActiveAlarmIds { get; init; } = [];
    public DateTimeOffset? MutedUntil { get; init; }
}
