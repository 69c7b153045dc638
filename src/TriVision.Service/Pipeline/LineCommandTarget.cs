using TriVision.Analytics.Alarms;
using TriVision.Messaging.Commands;
using TriVision.Messaging.Contract;

namespace TriVision.Service.Pipeline;

/// <summary>The PLC's commands (docs/mqtt.md) wired to the alarm lifecycle and the line's state.</summary>
public sealed class LineCommandTarget(AlarmManager alarms, Func<BeltStateMessage?> belt) : ICommandTarget
{
    private long _mutedUntilTicks;

    /// <summary>End of the maintenance mute, or null when the line is not muted.</summary>
    public DateTimeOffset? MutedUntil
    {
        get
        {
            long ticks = Interlocked.Read(ref _mutedUntilTicks);
            return ticks > DateTimeOffset.UtcNow.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    public CommandOutcome AcknowledgeAlarm(string alarmId, string clientId, string? reason)
    {
        try
        {
            alarms.Acknowledge(alarmId, clientId);
            return CommandOutcome.Ok();
        }
        catch (AlarmException ex)
        {
            return CommandOutcome.Rejected(ex.Message);
        }
    }

    public CommandOutcome MuteLine(DateTimeOffset until, string clientId, string? reason)
    {
        if (until <= DateTimeOffset.UtcNow) return CommandOutcome.Rejected("mute end is in the past");
        Interlocked.Exchange(ref _mutedUntilTicks, until.UtcTicks);
        return CommandOutcome.Ok();
    }

    public LineState GetState()
    {
        var open = alarms.Open;
        var ids = new List<string>(open.Count);
        foreach (var a in open) ids.Add(a.Id);
        return new LineState { Belt = belt(), ActiveAlarmIds = ids, MutedUntil = MutedUntil };
    }
}
