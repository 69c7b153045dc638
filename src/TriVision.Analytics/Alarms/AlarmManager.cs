using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace TriVision.Analytics.Alarms;

/// <summary>
/// The life of every alarm: raised → acknowledged (who, when) → resolved, with escalation when nobody
/// acknowledges in time. Each change is saved to the store first and then published as an
/// <see cref="AlarmEvent"/> to every subscriber, so a restart reloads what was open and no subscriber
/// sees an alarm that is not on disk. Thread-safe: the pipeline raises, operators acknowledge from the
/// web layer, a timer calls <see cref="CheckEscalations"/>.
/// </summary>
public sealed class AlarmManager : IDisposable
{
    private static readonly Meter Meter = new("TriVision.Analytics.Alarms");
    private static readonly Counter<long> RaisedCounter = Meter.CreateCounter<long>("trivision_alarms_raised", description: "Alarms raised, by kind");
    private static readonly Counter<long> EscalatedCounter = Meter.CreateCounter<long>("trivision_alarms_escalated", description: "Alarm escalations");

    private readonly IAlarmStore _store;
    private readonly AlarmManagerOptions _o;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, Alarm> _alarms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _openByCondition = new(StringComparer.Ordinal);
    private readonly List<Channel<AlarmEvent>> _subscribers = new();

    public AlarmManager(IAlarmStore store, AlarmManagerOptions? options = null, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _o = options ?? new AlarmManagerOptions();
        _o.Validate();
        _time = time ?? TimeProvider.System;
        foreach (var a in _store.LoadOpen())
        {
            _alarms[a.Id] = a;
            _openByCondition[a.ConditionKey] = a.Id;
        }
    }

    /// <summary>Open alarms (raised or acknowledged), oldest first.</summary>
    public IReadOnlyList<Alarm> Open
    {
        get
        {
            lock (_gate)
            {
                var list = new List<Alarm>();
                foreach (var a in _alarms.Values) if (a.IsOpen) list.Add(a);
                list.Sort(static (x, y) => x.RaisedAt != y.RaisedAt ? x.RaisedAt.CompareTo(y.RaisedAt) : string.CompareOrdinal(x.Id, y.Id));
                return list;
            }
        }
    }

    public Alarm? Find(string id)
    {
        lock (_gate) return _alarms.GetValueOrDefault(id);
    }

    /// <summary>The open alarm for a condition key, if any.</summary>
    public Alarm? FindOpen(string conditionKey)
    {
        lock (_gate) return _openByCondition.TryGetValue(conditionKey, out var id) ? _alarms[id] : null;
    }

    /// <summary>
    /// A new subscriber's stream of events from now on. Unbounded: alarm events are rare and must not be
    /// dropped; a subscriber that stops reading should call <see cref="Unsubscribe"/>.
    /// </summary>
    public ChannelReader<AlarmEvent> Subscribe()
    {
        var ch = Channel.CreateUnbounded<AlarmEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate) _subscribers.Add(ch);
        return ch.Reader;
    }

    public void Unsubscribe(ChannelReader<AlarmEvent> reader)
    {
        lock (_gate)
        {
            for (int i = 0; i < _subscribers.Count; i++)
            {
                if (_subscribers[i].Reader != reader) continue;
                _subscribers[i].Writer.TryComplete();
                _subscribers.RemoveAt(i);
                return;
            }
        }
    }

    /// <summary>
    /// Raises an alarm for <paramref name="conditionKey"/>, or, when one is already open for it, updates its
    /// severity and details when they changed and returns it (one open alarm per condition).
    /// </summary>
    public Alarm Raise(AlarmKind kind, AlarmSeverity severity, string cameraId, string conditionKey, string title, string detailsJson = "{}")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conditionKey);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_openByCondition.TryGetValue(conditionKey, out var existingId))
            {
                var existing = _alarms[existingId];
                // The title may carry a live figure ("no frame for 5300 ms"): it alone does not make an update event.
                if (existing.Severity == severity && existing.DetailsJson == detailsJson) return existing;
                var updated = existing with { Severity = severity, DetailsJson = detailsJson, Title = title };
                Commit(updated, AlarmEventType.Updated, now);
                return updated;
            }
            var alarm = new Alarm(NewId(now), kind, severity, cameraId ?? "", conditionKey, title, detailsJson, AlarmState.Raised, now);
            _openByCondition[conditionKey] = alarm.Id;
            Commit(alarm, AlarmEventType.Raised, now);
            RaisedCounter.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
            return alarm;
        }
    }

    public Alarm Acknowledge(string alarmId, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        lock (_gate)
        {
            var a = Get(alarmId);
            if (a.State == AlarmState.Resolved) throw new AlarmException($"Alarm {alarmId} is already resolved; it cannot be acknowledged.");
            if (a.State == AlarmState.Acknowledged) return a;
            var now = _time.GetUtcNow();
            var updated = a with { State = AlarmState.Acknowledged, AcknowledgedBy = by, AcknowledgedAt = now };
            Commit(updated, AlarmEventType.Acknowledged, now);
            return updated;
        }
    }

    public Alarm Resolve(string alarmId, string by, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        lock (_gate)
        {
            var a = Get(alarmId);
            if (a.State == AlarmState.Resolved) return a;
            var now = _time.GetUtcNow();
            var updated = a with { State = AlarmState.Resolved, ResolvedBy = by, ResolvedAt = now, ResolutionNote = note };
            _openByCondition.Remove(a.ConditionKey);
            Commit(updated, AlarmEventType.Resolved, now);
            return updated;
        }
    }

    /// <summary>Resolves the open alarm of a condition (the camera is back, the jam cleared); false when none was open.</summary>
    public bool ResolveCondition(string conditionKey, string by = "system", string? note = null)
    {
        lock (_gate)
        {
            if (!_openByCondition.TryGetValue(conditionKey, out var id)) return false;
            Resolve(id, by, note);
            return true;
        }
    }

    /// <summary>Escalates every raised (unacknowledged) alarm whose escalation time has come; returns how many.</summary>
    public int CheckEscalations()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var due = TimeSpan.FromMilliseconds(_o.EscalateAfterMs);
            List<Alarm>? escalate = null;
            foreach (var a in _alarms.Values)
            {
                if (a.State != AlarmState.Raised || a.EscalationLevel >= _o.MaxEscalationLevel) continue;
                var since = a.EscalatedAt ?? a.RaisedAt;
                if (now - since >= due) (escalate ??= new()).Add(a);
            }
            if (escalate is null)
            {
                PruneResolved(now);
                return 0;
            }
            foreach (var a in escalate)
            {
                Commit(a with { EscalationLevel = a.EscalationLevel + 1, EscalatedAt = now }, AlarmEventType.Escalated, now);
                EscalatedCounter.Add(1);
            }
            PruneResolved(now);
            return escalate.Count;
        }
    }

    private void PruneResolved(DateTimeOffset now)
    {
        List<string>? gone = null;
        foreach (var a in _alarms.Values)
            if (a.State == AlarmState.Resolved && a.ResolvedAt is { } r && (now - r).TotalMilliseconds > _o.KeepResolvedMs)
                (gone ??= new()).Add(a.Id);
        if (gone is null) return;
        foreach (var id in gone) _alarms.Remove(id);
    }

    private Alarm Get(string id) =>
        _alarms.TryGetValue(id, out var a) ? a : throw new AlarmException($"No alarm with id '{id}' is known (it may have been resolved long ago).");

    private void Commit(Alarm alarm, AlarmEventType type, DateTimeOffset now)
    {
        _store.Save(alarm); // disk first: an event must never announce an alarm a restart would forget
        _alarms[alarm.Id] = alarm;
        var ev = new AlarmEvent(type, alarm, now);
        foreach (var s in _subscribers) s.Writer.TryWrite(ev);
    }

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var s in _subscribers) s.Writer.TryComplete();
            _subscribers.Clear();
        }
    }
}
