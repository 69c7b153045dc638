using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Logging;
using TriVision.Messaging.Mqtt;

namespace TriVision.Messaging.Outbox;

/// <summary>
/// Moves outbox rows to the broker in order. A row is published only while connected, at most
/// <see cref="MqttClientOptions.MaxInflight"/> at a time, and deleted on its PUBACK. On every
/// (re)connect publishing restarts from the oldest pending row, so anything unacknowledged is sent
/// again: delivery is at least once and consumers dedupe by the payload's <c>id</c>.
/// </summary>
public sealed class OutboxPublisher : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly OutboxStore _store;
    private readonly OutboxOptions _options;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<int, long> _inflightByMid = [];
    private readonly ConcurrentQueue<long> _acked = new();
    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _window;
    private long _lastSent;
    private long _pendingEstimate;
    private bool _overBoundLogged;
    private bool _replayLogged;
    private Task? _loop;

    public OutboxPublisher(MqttClient client, OutboxStore store, OutboxOptions options, ILogger? logger = null)
    {
        _client = client;
        _store = store;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _window = client.Options.MaxInflight;
        _pendingEstimate = store.Count();
        client.Connected += OnConnected;
        client.Disconnected += OnDisconnected;
        client.PublishAcknowledged += OnPublishAcknowledged;
        MessagingMetrics.Track(this);
    }

    /// <summary>Raised (on the publisher's task) with each sequence number the broker acknowledged and the outbox deleted.</summary>
    public event Action<long>? Delivered;

    /// <summary>Rows not yet acknowledged (an estimate between coalescing passes).</summary>
    public long PendingCount => Interlocked.Read(ref _pendingEstimate);

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Commits a message to the outbox (durable when this returns) and wakes the publisher.</summary>
    public long Enqueue(OutboxKind kind, string topic, ReadOnlySpan<byte> payload, int qos, bool retain)
    {
        long seq = _store.Append(kind, topic, payload, qos, retain);
        if (Interlocked.Increment(ref _pendingEstimate) > _options.Bound) EnforceBound();
        Wake();
        return seq;
    }

    // At most one outstanding release, so the semaphore's count stays 0 or 1.
    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0) _wake.Release();
    }

    private void EnforceBound()
    {
        long count = _store.Count();
        if (count <= _options.Bound)
        {
            Interlocked.Exchange(ref _pendingEstimate, count);
            _overBoundLogged = false;
            return;
        }
        int removed = _store.CoalesceBeltState();
        count = _store.Count();
        Interlocked.Exchange(ref _pendingEstimate, count);
        if (removed > 0) MessagingLog.OutboxCoalesced(_logger, count, _options.Bound, removed);
        if (count > _options.Bound && !_overBoundLogged)
        {
            _overBoundLogged = true;
            MessagingLog.OutboxOverBound(_logger, count, _options.Bound);
        }
    }

    private void OnConnected()
    {
        lock (_gate)
        {
            // Whatever was in flight on the old connection is unacknowledged: send it all again, in order.
            _inflightByMid.Clear();
            _lastSent = 0;
            _replayLogged = false;
        }
        Wake();
    }

    private void OnDisconnected(string reason)
    {
        lock (_gate)
        {
            _inflightByMid.Clear();
            _lastSent = 0;
        }
    }

    private void OnPublishAcknowledged(int mid, int reasonCode)
    {
        long seq;
        lock (_gate)
        {
            if (!_inflightByMid.Remove(mid, out seq)) return;
        }
        // MQTT 5 reason codes >= 0x80 are failures (e.g. 0x87 not authorised): keep the row; it is
        // sent again on the next connection, and the log says why.
        if (reasonCode >= 0x80)
        {
            MessagingLog.Library(_logger, $"PUBACK for outbox row {seq} carried failure reason {reasonCode}; row kept");
            return;
        }
        _acked.Enqueue(seq);
        Wake();
    }

    private async Task RunAsync()
    {
        var done = new List<long>();
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // The timeout gives a periodic pass as well, a safety net for any missed wake-up.
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { break; }
            Volatile.Write(ref _wakePending, 0);

            done.Clear();
            while (_acked.TryDequeue(out long seq)) done.Add(seq);
            if (done.Count > 0)
            {
                _store.Complete(done);
                MessagingMetrics.Delivered.Add(done.Count);
                Interlocked.Add(ref _pendingEstimate, -done.Count);
                foreach (long seq in done) Delivered?.Invoke(seq);
            }
            if (_client.IsConnected) PublishPending();
        }
    }

    private void PublishPending()
    {
        while (true)
        {
            long after;
            int room;
            lock (_gate)
            {
                after = _lastSent;
                room = _window - _inflightByMid.Count;
            }
            if (room <= 0) return;
            var items = _store.ReadPending(after, room);
            if (items.Count == 0) return;
            if (after == 0 && !_replayLogged)
            {
                _replayLogged = true;
                MessagingLog.OutboxReplay(_logger, PendingCount);
            }
            foreach (var item in items)
            {
                PublishStamp.Stamp(item.Payload, DateTimeOffset.UtcNow);
                lock (_gate)
                {
                    // A reconnect since ReadPending restarted the replay: this batch is stale.
                    if (_lastSent != after) break;
                    // The lock is held across the publish so that a PUBACK (on the network thread)
                    // cannot arrive before the mid is recorded. libmosquitto's publish path in
                    // threaded mode only queues, and never waits on its callback lock.
                    int rc = _client.TryPublish(item.Topic, item.Payload, item.Qos, item.Retain, out int mid);
                    if (rc != 0) return; // not connected any more: the next Connected restarts the replay
                    if (item.Qos > 0) _inflightByMid[mid] = item.Seq;
                    else _acked.Enqueue(item.Seq);
                    _lastSent = item.Seq;
                    after = item.Seq;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Connected -= OnConnected;
        _client.Disconnected -= OnDisconnected;
        _client.PublishAcknowledged -= OnPublishAcknowledged;
        MessagingMetrics.Untrack(this);
        _stop.Cancel();
        if (_loop is not null) await _loop.ConfigureAwait(false);
        // Acknowledgements that arrived before the stop are persisted so a restart does not resend them.
        var done = new List<long>();
        while (_acked.TryDequeue(out long seq)) done.Add(seq);
        _store.Complete(done);
        _stop.Dispose();
        _wake.Dispose();
    }
}
