using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TriVision.Analytics.Alarms;

/// <summary>
/// Alarms in a SQLite database in WAL mode (readers such as the dashboard never block the writer, and
/// a crash loses no committed alarm). One row per alarm, replaced on every change.
/// </summary>
public sealed class SqliteAlarmStore : IAlarmStore
{
    private readonly SqliteConnection _connection;
    private readonly object _gate = new();
    private readonly string _path;

    public SqliteAlarmStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _path = databasePath;
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(databasePath));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = databasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString());
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL;");
            Execute("PRAGMA synchronous=NORMAL;");
            Execute("""
                CREATE TABLE IF NOT EXISTS alarms (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    camera_id TEXT NOT NULL,
                    condition_key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    details_json TEXT NOT NULL,
                    state TEXT NOT NULL,
                    raised_at TEXT NOT NULL,
                    acknowledged_by TEXT,
                    acknowledged_at TEXT,
                    escalation_level INTEGER NOT NULL,
                    escalated_at TEXT,
                    resolved_by TEXT,
                    resolved_at TEXT,
                    resolution_note TEXT);
                CREATE INDEX IF NOT EXISTS alarms_open ON alarms(state, raised_at);
                """);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            _connection?.Dispose();
            throw new AlarmException($"Cannot open the alarm database '{databasePath}': {ex.Message}", ex);
        }
    }

    public string DatabasePath => _path;

    public void Save(Alarm a)
    {
        lock (_gate)
        {
            try
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = """
                    INSERT OR REPLACE INTO alarms VALUES
                    ($id, $kind, $severity, $camera, $key, $title, $details, $state, $raised, $ackBy, $ackAt, $level, $escAt, $resBy, $resAt, $note);
                    """;
                cmd.Parameters.AddWithValue("$id", a.Id);
                cmd.Parameters.AddWithValue("$kind", a.Kind.ToString());
                cmd.Parameters.AddWithValue("$severity", a.Severity.ToString());
                cmd.Parameters.AddWithValue("$camera", a.CameraId);
                cmd.Parameters.AddWithValue("$key", a.ConditionKey);
                cmd.Parameters.AddWithValue("$title", a.Title);
                cmd.Parameters.AddWithValue("$details", a.DetailsJson);
                cmd.Parameters.AddWithValue("$state", a.State.ToString());
                cmd.Parameters.AddWithValue("$raised", Format(a.RaisedAt));
                cmd.Parameters.AddWithValue("$ackBy", (object?)a.AcknowledgedBy ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$ackAt", (object?)Format(a.AcknowledgedAt) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$level", a.EscalationLevel);
                cmd.Parameters.AddWithValue("$escAt", (object?)Format(a.EscalatedAt) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$resBy", (object?)a.ResolvedBy ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$resAt", (object?)Format(a.ResolvedAt) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$note", (object?)a.ResolutionNote ?? DBNull.Value);
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                throw new AlarmException($"Cannot save alarm {a.Id} to '{_path}': {ex.Message}", ex);
            }
        }
    }

    public IReadOnlyList<Alarm> LoadOpen() =>
        Query("SELECT * FROM alarms WHERE state <> 'Resolved' ORDER BY raised_at, id;", null, int.MaxValue);

    public IReadOnlyList<Alarm> LoadRecent(DateTimeOffset since, int limit) =>
        Query("SELECT * FROM alarms WHERE raised_at >= $since ORDER BY raised_at DESC, id LIMIT $limit;", Format(since), limit);

    private List<Alarm> Query(string sql, string? since, int limit)
    {
        lock (_gate)
        {
            try
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = sql;
                if (since is not null) cmd.Parameters.AddWithValue("$since", since);
                cmd.Parameters.AddWithValue("$limit", limit);
                using var r = cmd.ExecuteReader();
                var list = new List<Alarm>();
                while (r.Read())
                {
                    list.Add(new Alarm(
                        r.GetString(0),
                        Enum.Parse<AlarmKind>(r.GetString(1)),
                        Enum.Parse<AlarmSeverity>(r.GetString(2)),
                        r.GetString(3),
                        r.GetString(4),
                        r.GetString(5),
                        r.GetString(6),
                        Enum.Parse<AlarmState>(r.GetString(7)),
                        Parse(r.GetString(8)),
                        r.IsDBNull(9) ? null : r.GetString(9),
                        r.IsDBNull(10) ? null : Parse(r.GetString(10)),
                        r.GetInt32(11),
                        r.IsDBNull(12) ? null : Parse(r.GetString(12)),
                        r.IsDBNull(13) ? null : r.GetString(13),
                        r.IsDBNull(14) ? null : Parse(r.GetString(14)),
                        r.IsDBNull(15) ? null : r.GetString(15)));
                }
                return list;
            }
            catch (SqliteException ex)
            {
                throw new AlarmException($"Cannot read alarms from '{_path}': {ex.Message}", ex);
            }
        }
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // Round-trip UTC text sorts chronologically, so ORDER BY raised_at works on the column as stored.
    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    private static string? Format(DateTimeOffset? t) => t is { } v ? Format(v) : null;
    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose()
    {
        lock (_gate) _connection.Dispose();
    }
}
