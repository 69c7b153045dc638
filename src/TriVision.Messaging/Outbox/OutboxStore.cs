using Microsoft.Data.Sqlite;

namespace TriVision.Messaging.Outbox;

/// <summary>
/// The durable outbox: a SQLite database in WAL mode. A message is committed here before it is
/// published and deleted when the broker acknowledges it, so neither a broker outage nor a
/// killed process loses it. One connection, serialised by a lock: appends are rare (alarms,
/// state) and SQLite serialises writers anyway.
/// </summary>
public sealed class OutboxStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly object _gate = new();
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _readPending;

    /// <param name="path">Database file; created with its folder when missing.</param>
    /// <param name="synchronousFull">True (default) survives power loss, not only a crash, at the cost of an fsync per append.</param>
    public OutboxStore(string path, bool synchronousFull = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        try
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL;");
            Execute(synchronousFull ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Execute("""
                CREATE TABLE IF NOT EXISTS outbox(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    qos INTEGER NOT NULL,
                    retain INTEGER NOT NULL,
                    created_utc TEXT NOT NULL);
                """);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"Cannot open the MQTT outbox database '{Path}': {ex.Message}", ex);
        }
        _insert = Prepare("INSERT INTO outbox(kind, topic, payload, qos, retain, created_utc) VALUES ($k, $t, $p, $q, $r, $c) RETURNING seq;",
            "$k", "$t", "$p", "$q", "$r", "$c");
        _delete = Prepare("DELETE FROM outbox WHERE seq = $s;", "$s");
        _readPending = Prepare("SELECT seq, kind, topic, payload, qos, retain FROM outbox WHERE seq > $after ORDER BY seq LIMIT $max;", "$after", "$max");
    }

    public string Path { get; }

    /// <summary>Commits one message and returns its sequence number.</summary>
    public long Append(OutboxKind kind, string topic, ReadOnlySpan<byte> payload, int qos, bool retain)
    {
        lock (_gate)
        {
            _insert.Parameters[0].Value = (int)kind;
            _insert.Parameters[1].Value = topic;
            _insert.Parameters[2].Value = payload.ToArray();
            _insert.Parameters[3].Value = qos;
            _insert.Parameters[4].Value = retain ? 1 : 0;
            _insert.Parameters[5].Value = DateTime.UtcNow.ToString("O");
            return (long)_insert.ExecuteScalar()!;
        }
    }

    /// <summary>Pending rows after <paramref name="afterSeq"/>, oldest first.</summary>
    public List<OutboxItem> ReadPending(long afterSeq, int max)
    {
        var items = new List<OutboxItem>(Math.Min(max, 256));
        lock (_gate)
        {
            _readPending.Parameters[0].Value = afterSeq;
            _readPending.Parameters[1].Value = max;
            using var reader = _readPending.ExecuteReader();
            while (reader.Read())
                items.Add(new OutboxItem(reader.GetInt64(0), (OutboxKind)reader.GetInt32(1), reader.GetString(2),
                    (byte[])reader.GetValue(3), reader.GetInt32(4), reader.GetInt32(5) != 0));
        }
        return items;
    }

    /// <summary>Deletes acknowledged rows in one transaction.</summary>
    public void Complete(IReadOnlyList<long> seqs)
    {
        if (seqs.Count == 0) return;
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            _delete.Transaction = tx;
            foreach (long seq in seqs)
            {
                _delete.Parameters[0].Value = seq;
                _delete.ExecuteNonQuery();
            }
            tx.Commit();
            _delete.Transaction = null;
        }
    }

    public long Count()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM outbox;";
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>Keeps only the newest pending belt-state row per topic (belt state is retained: older values are worthless). Returns rows removed.</summary>
    public int CoalesceBeltState()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                DELETE FROM outbox WHERE kind = $k AND seq NOT IN
                    (SELECT MAX(seq) FROM outbox WHERE kind = $k GROUP BY topic);
                """;
            cmd.Parameters.AddWithValue("$k", (int)OutboxKind.BeltState);
            return cmd.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _insert.Dispose();
            _delete.Dispose();
            _readPending.Dispose();
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        cmd.Prepare();
        return cmd;
    }
}
