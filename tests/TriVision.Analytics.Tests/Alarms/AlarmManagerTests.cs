using System.Text.Json;
using System.Threading.Channels;
using TriVision.Analytics.Alarms;
using TriVision.Analytics.BeltState;
using TriVision.Analytics.Hazards;
using TriVision.Analytics.Jams;
using TriVision.Analytics.Tests.Support;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Tests.Alarms;

public class AlarmManagerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();

    private string Db => Path.Combine(_dir.Path, "alarms.db");

    public void Dispose() => _dir.Dispose();

    private static List<AlarmEvent> Drain(ChannelReader<AlarmEvent> reader)
    {
        var list = new List<AlarmEvent>();
        while (reader.TryRead(out var e)) list.Add(e);
        return list;
    }

    [Fact]
    public void Raise_acknowledge_resolve_each_publish_an_event_and_record_who_and_when()
    {
        using var store = new SqliteAlarmStore(Db);
        using var m = new AlarmManager(store, time: _clock);
        var events = m.Subscribe();
        var a = m.Raise(AlarmKind.Hazard, AlarmSeverity.Critical, "cam1", "hazard:cam1:7", "gas_cylinder");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var acked = m.Acknowledge(a.Id, "operator.anna");
        _clock.Advance(TimeSpan.FromSeconds(20));
        var resolved = m.Resolve(a.Id, "operator.anna", "removed by hand");

        var got = Drain(events);
        Assert.Equal(new[] { AlarmEventType.Raised, AlarmEventType.Acknowledged, AlarmEventType.Resolved }, got.Select(e => e.Type));
        Assert.Equal("operator.anna", acked.AcknowledgedBy);
        Assert.Equal(a.RaisedAt + TimeSpan.FromSeconds(5), acked.AcknowledgedAt);
        Assert.Equal(AlarmState.Resolved, resolved.State);
        Assert.Equal("removed by hand", resolved.ResolutionNote);
        Assert.Empty(m.Open);
        Assert.Throws<AlarmException>(() => m.Acknowledge(a.Id, "late"));
    }

    [Fact]
    public void Unacknowledged_alarms_escalate_level_by_level_and_acknowledged_ones_do_not()
    {
        using var store = new SqliteAlarmStore(Db);
        using var m = new AlarmManager(store, new AlarmManagerOptions { EscalateAfterMs = 60_000, MaxEscalationLevel = 2 }, _clock);
        var events = m.Subscribe();
        var ignored = m.Raise(AlarmKind.Jam, AlarmSeverity.Warning, "cam1", "jam:cam1", "jam warning");
        var handled = m.Raise(AlarmKind.Hazard, AlarmSeverity.Warning, "cam1", "hazard:cam1:1", "battery");
        m.Acknowledge(handled.Id, "op");
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, m.CheckEscalations());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.CheckEscalations());
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, m.CheckEscalations());
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, m.CheckEscalations()); // capped at level 2
        Assert.Equal(2, m.Find(ignored.Id)!.EscalationLevel);
        Assert.Equal(0, m.Find(handled.Id)!.EscalationLevel);
        Assert.Equal(2, Drain(events).Count(e => e.Type == AlarmEventType.Escalated));
    }

    [Fact]
    public void Open_alarms_survive_a_restart_and_resolved_ones_do_not_come_back()
    {
        string openId, ackedId;
        using (var store = new SqliteAlarmStore(Db))
        using (var m = new AlarmManager(store, time: _clock))
        {
            openId = m.Raise(AlarmKind.CameraFault, AlarmSeverity.Critical, "cam2", "camera-fault:cam2", "no frames").Id;
            ackedId = m.Raise(AlarmKind.Hazard, AlarmSeverity.Warning, "cam1", "hazard:cam1:3", "battery").Id;
            m.Acknowledge(ackedId, "op");
            var gone = m.Raise(AlarmKind.Hazard, AlarmSeverity.Warning, "cam1", "hazard:cam1:4", "aerosol_can");
            m.Resolve(gone.Id, "op");
        }
        using (var store = new SqliteAlarmStore(Db))
        using (var m = new AlarmManager(store, time: _clock))
        {
            var open = m.Open;
            Assert.Equal(new[] { openId, ackedId }.Order(), open.Select(a => a.Id).Order());
            Assert.Equal("op", m.Find(ackedId)!.AcknowledgedBy);
            // The reloaded condition is still open: raising it again is the same alarm.
            Assert.Equal(openId, m.Raise(AlarmKind.CameraFault, AlarmSeverity.Critical, "cam2", "camera-fault:cam2", "no frames").Id);
            Assert.Equal(3, store.LoadRecent(DateTimeOffset.MinValue, 10).Count);
        }
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}");
        check.Open();
        using var cmd = check.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void A_condition_is_raised_once_and_updates_when_its_severity_changes()
    {
        using var store = new SqliteAlarmStore(Db);
        using var m = new AlarmManager(store, time: _clock);
        var events = m.Subscribe();
        var w = new JamStateChange(1, JamState.Normal, JamState.Warning, 0.55f, 30f, "occupancy_trend", default);
        var c = w with { From = JamState.Warning, To = JamState.Critical, Risk = 0.85f };
        var a1 = m.ApplyJamState("cam1", w)!;
        var a2 = m.ApplyJamState("cam1", c)!;
        Assert.Equal(a1.Id, a2.Id);
        Assert.Equal(AlarmSeverity.Critical, a2.Severity);
        m.ApplyJamState("cam1", c with { From = JamState.Critical, To = JamState.Normal });
        Assert.Empty(m.Open);
        Assert.Equal(new[] { AlarmEventType.Raised, AlarmEventType.Updated, AlarmEventType.Resolved }, Drain(events).Select(e => e.Type));
        using var doc = JsonDocument.Parse(a2.DetailsJson);
        Assert.Equal("critical", doc.RootElement.GetProperty("to").GetString());
        Assert.Equal("occupancy_trend", doc.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void Hazard_alarm_details_carry_the_etas_even_when_unknown()
    {
        using var store = new SqliteAlarmStore(Db);
        using var m = new AlarmManager(store, time: _clock);
        var h = new HazardAlarm("cam1", 12, 0, "gas_cylinder", HazardAction.StopLine, 0.9f, new[] { 0.9f }, new[] { 0 }, 4f,
            new BoxF(1, 2, 3, 4), 0.5f, SpeedSource.Tracks,
            new[] { new PointEta("stop_point", 10f, 12f), new PointEta("eject_point", 8f, float.NaN) }, 0, 1, null);
        var a = m.RaiseHazard(h);
        Assert.Equal(AlarmSeverity.Critical, a.Severity);
        Assert.Contains("12.0 s to stop point", a.Title);
        using var doc = JsonDocument.Parse(a.DetailsJson, new JsonDocumentOptions());
        var etas = doc.RootElement.GetProperty("etas");
        Assert.Equal(12f, etas[0].GetProperty("seconds").GetSingle());
        Assert.Equal("NaN", etas[1].GetProperty("seconds").GetString());
        Assert.Equal("stop_line", doc.RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public void A_bad_database_path_is_a_clear_error()
    {
        var blocker = Path.Combine(_dir.Path, "file");
        File.WriteAllText(blocker, "x");
        var ex = Assert.Throws<AlarmException>(() => new SqliteAlarmStore(Path.Combine(blocker, "alarms.db")));
        Assert.Contains("Cannot open the alarm database", ex.Message);
        Assert.Contains("alarms.db", ex.Message);
    }
}
