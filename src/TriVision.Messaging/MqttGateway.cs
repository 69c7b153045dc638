using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Core.Time;
using TriVision.Messaging.Commands;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Logging;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Outbox;

namespace TriVision.Messaging;

/// <summary>
/// TriVision's plain-JSON MQTT side for one line (docs/mqtt.md): alarms and state changes through
/// the durable outbox, retained belt state (rate-limited), availability via the last will, a
/// heartbeat that stops when inference stalls, and commands with replies.
/// </summary>
public sealed class MqttGateway : IAsyncDisposable
{
    private static readonly byte[] OnlinePayload = Encoding.ASCII.GetBytes(TopicContract.Online);
    private static readonly byte[] OfflinePayload = Encoding.ASCII.GetBytes(TopicContract.Offline);

    private readonly MqttGatewayOptions _options;
    private readonly IInferenceProgress _progress;
    private readonly CommandHandler? _commands;
    private readonly ILogger _logger;
    private readonly OutboxStore _store;
    private readonly HeartbeatMonitor _monitor;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _beltGate = new();
    private BeltStateMessage? _pendingBelt;
    private long _lastBeltNs = long.MinValue;
    private long _heartbeatSeq;
    private Task? _heartbeatLoop;

    public MqttGateway(MqttGatewayOptions options, IInferenceProgress progress, ICommandTarget? commandTarget = null, ILogger? logger = null)
    {
        options.Validate();
        _options = options;
        _progress = progress;
        _logger = logger ?? NullLogger.Instance;
        Topics = new TopicContract(options.Site, options.Line);
        options.Client.Will = new MqttWill(Topics.Availability, OfflinePayload, 1, true);
        _store = new OutboxStore(options.Outbox.Path, options.Outbox.SynchronousFull);
        Client = new MqttClient(options.Client, _logger);
        Outbox = new OutboxPublisher(Client, _store, options.Outbox, _logger);
        _monitor = new HeartbeatMonitor(options.Heartbeat, MonotonicClock.NowNs);
        if (commandTarget is not null)
        {
            _commands = new CommandHandler(commandTarget, options.Commands, _logger);
            Client.Subscribe(Topics.Command, 1);
        }
        Client.Connected += OnConnected;
        Client.MessageReceived += OnMessage;
    }

    public TopicContract Topics { get; }
    public MqttClient Client { get; }
    public OutboxPublisher Outbox { get; }

    /// <summary>Raised after each heartbeat is handed to the broker.</summary>
    public event Action<Heartbeat>? HeartbeatPublished;

    public void Start()
    {
        Outbox.Start();
        Client.Start();
        _heartbeatLoop ??= Task.Run(HeartbeatLoopAsync);
    }

    /// <summary>Commits the alarm to the outbox (durable on return) and queues it for publishing. Returns its outbox sequence number.</summary>
    public long RaiseAlarm(AlarmMessage alarm) =>
        Outbox.Enqueue(OutboxKind.Alarm, Topics.Alarm, JsonSerializer.SerializeToUtf8Bytes(alarm, MessagingJsonContext.Default.AlarmMessage), 1, false);

    public long PublishStateChange(AlarmStateChange change) =>
        Outbox.Enqueue(OutboxKind.AlarmState, Topics.AlarmState, JsonSerializer.SerializeToUtf8Bytes(change, MessagingJsonContext.Default.AlarmStateChange), 1, false);

    /// <summary>Publishes belt state at most once per <see cref="MqttGatewayOptions.BeltStateMinInterval"/>; the newest value wins.</summary>
    public void PublishBeltState(BeltStateMessage state)
    {
        lock (_beltGate)
        {
            _pendingBelt = state;
            FlushBeltLocked(MonotonicClock.NowNs);
        }
    }

    private void FlushBeltLocked(long nowNs)
    {
        if (_pendingBelt is null) return;
        if (_lastBeltNs != long.MinValue && nowNs - _lastBeltNs < _options.BeltStateMinInterval.Ticks * 100L) return;
        Outbox.Enqueue(OutboxKind.BeltState, Topics.Belt, JsonSerializer.SerializeToUtf8Bytes(_pendingBelt, MessagingJsonContext.Default.BeltStateMessage), 1, true);
        _pendingBelt = null;
        _lastBeltNs = nowNs;
    }

    private void OnConnected()
    {
        int rc = Client.TryPublish(Topics.Availability, OnlinePayload, 1, true, out _);
        if (rc != 0) MessagingLog.Library(_logger, $"availability 'online' not published (mosq_err_t {rc}); retried on next connect");
    }

    private void OnMessage(MqttReceivedMessage message)
    {
        if (_commands is null || message.Topic != Topics.Command) return;
        CommandReply reply;
        try
        {
            reply = _commands.Handle(message.Topic, message.Payload, message.UserProperties);
        }
        catch (Exception ex)
        {
            // A failing command target must not take the MQTT thread down; the sender still gets an answer.
            MessagingLog.CallbackFailed(_logger, ex, "command target");
            reply = new CommandReply { Status = "rejected", Reason = $"internal error: {ex.Message}", At = DateTimeOffset.UtcNow };
        }
        Client.TryPublish(Topics.CommandReply, JsonSerializer.SerializeToUtf8Bytes(reply, MessagingJsonContext.Default.CommandReply), 1, false, out _);
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.Heartbeat.Period);
        bool wasStalled = false;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                long now = MonotonicClock.NowNs;
                lock (_beltGate) FlushBeltLocked(now);
                long frames = _progress.FrameCount;
                bool alive = _monitor.Tick(now, frames);
                if (!alive)
                {
                    if (!wasStalled) MessagingLog.HeartbeatWithheld(_logger, _monitor.SinceProgressNs(now) / 1_000_000, frames);
                    MessagingMetrics.HeartbeatsWithheld.Add(1);
                    wasStalled = true;
                    continue;
                }
                if (wasStalled) MessagingLog.HeartbeatResumed(_logger, frames);
                wasStalled = false;
                if (!Client.IsConnected) continue;
                long last = _progress.LastInferenceNs;
                var heartbeat = new Heartbeat
                {
                    Site = Topics.Site,
                    Line = Topics.Line,
                    At = DateTimeOffset.UtcNow,
                    Seq = ++_heartbeatSeq,
                    PeriodMs = (long)_options.Heartbeat.Period.TotalMilliseconds,
                    Frames = frames,
                    // Read the clock after the progress stamp: an inference may finish between the two reads.
                    LastInferenceAgeMs = last == 0 ? -1 : Math.Max(0, MonotonicClock.NowNs - last) / 1_000_000,
                };
                if (Client.TryPublish(Topics.Heartbeat, JsonSerializer.SerializeToUtf8Bytes(heartbeat, MessagingJsonContext.Default.Heartbeat), 0, false, out _) == 0)
                    HeartbeatPublished?.Invoke(heartbeat);
            }
        }
        catch (OperationCanceledException) { /* stopping */ }
    }

    /// <summary>Publishes <c>offline</c>, disconnects cleanly and closes the outbox; pending rows stay for the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_heartbeatLoop is not null) await _heartbeatLoop.ConfigureAwait(false);
        if (Client.IsConnected)
            await Client.PublishAndWaitAsync(Topics.Availability, OfflinePayload, true, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await Outbox.DisposeAsync().ConfigureAwait(false);
        Client.Dispose();
        _store.Dispose();
        _stop.Dispose();
    }
}
