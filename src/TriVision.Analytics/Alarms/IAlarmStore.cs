namespace TriVision.Analytics.Alarms;

/// <summary>Durable storage of alarms: every change is written before its event is published.</summary>
public interface IAlarmStore : IDisposable
{
    void Save(Alarm alarm);

    /// <summary>Alarms not yet resolved, oldest first: reloaded at start-up.</summary>
    IReadOnlyList<Alarm> LoadOpen();

    /// <summary>Alarms raised at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<Alarm> LoadRecent(DateTimeOffset since, int limit);
}
