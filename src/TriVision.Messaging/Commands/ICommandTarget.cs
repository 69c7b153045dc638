using TriVision.Messaging.Contract;

namespace TriVision.Messaging.Commands;

/// <summary>The part of the pipeline that commands act on; the service host implements it over the alarm lifecycle.</summary>
public interface ICommandTarget
{
    /// <summary>Acknowledges an open alarm; rejects an unknown or closed id with a reason.</summary>
    CommandOutcome AcknowledgeAlarm(string alarmId, string clientId, string? reason);

    /// <summary>Mutes alarms on the line for maintenance until <paramref name="until"/>; the mute expires by itself.</summary>
    CommandOutcome MuteLine(DateTimeOffset until, string clientId, string? reason);

    LineState GetState();
}
