using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TriVision.Analytics.Alarms;
using TriVision.Core.Time;
using TriVision.Messaging;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Sparkplug;
using AlarmState = TriVision.Analytics.Alarms.AlarmState;
using ContractAlarmState = TriVision.Messaging.Contract.AlarmState;

namespace TriVision.Service.Pipeline;

/// <summary>
/// Follows the alarm lifecycle's events and hands them to messaging: a raised alarm becomes an
/// <see cref="AlarmMessage"/> in the durable outbox, acknowledged/resolved become state changes.
/// Runs on its own task so inference never waits for SQLite or the network.
/// </summary>
public sealed class AlarmPublisher : IAsyncDisposable
{
    private readonly AlarmManager _alarms;
    private readonly MqttGateway? _gateway;
    private readonly SparkplugNode? _sparkplug;
    private readonly ModelIdentity _model;
    private readonly string _site;
    private readonly string _line;
    private readonly ILogger _logger;
    private readonly ChannelReader<AlarmEvent> _events;
    private readonly ConcurrentDictionary<long, (string Camera, long CaptureNs)> _awaitingAck = new();
    private readonly Task _loop;
    private long _raised;

    public AlarmPublisher(AlarmManager alarms, MqttGateway? gateway, SparkplugNode? sparkplug, ModelIdentity model, string site, string line, ILogger logger)
    {
        _alarms = alarms;
        _gateway = gateway;
        _sparkplug = sparkplug;
        _model = model;
        _site = site;
        _line = line;
        _logger = logger;
        _events = alarms.Subscribe();
        if (gateway is not null) gateway.Outbox.Delivered += OnDelivered;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Alarms raised since start (all kinds).</summary>
    public long RaisedCount => Interlocked.Read(ref _raised);

    private async Task RunAsync()
    {
        await foreach (var e in _events.ReadAllAsync().ConfigureAwait(false))
        {
            PipelineLog.AlarmEvent(_logger, e.Alarm.Id, e.Type.ToString().ToLowerInvariant(), e.Alarm.Title);
            try
            {
                Handle(e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The alarm itself is persisted by the alarm store; this is the MQTT copy failing (disk full, outbox closed).
                PipelineLog.AlarmNotQueued(_logger, ex, e.Alarm.Id);
            }
        }
    }

    private void Handle(AlarmEvent e)
    {
        switch (e.Type)
        {
            case AlarmEventType.Raised:
            {
                Interlocked.Increment(ref _raised);
                PipelineMetrics.AlarmRaised(KindName(e.Alarm.Kind));
                var (message, captureNs) = ToMessage(e.Alarm);
                if (_gateway is not null)
                {
                    long seq = _gateway.RaiseAlarm(message);
                    PipelineMetrics.Stage(e.Alarm.CameraId, PipelineMetrics.StageAlarmOutbox, MonotonicClock.NowNs - captureNs);
                    _awaitingAck[seq] = (e.Alarm.CameraId, captureNs);
                }
                _sparkplug?.PublishAlarm(message);
                break;
            }
            case AlarmEventType.Acknowledged:
            case AlarmEventType.Resolved:
                _gateway?.PublishStateChange(new AlarmStateChange
                {
                    Id = $"{e.Alarm.Id}:{(e.Type == AlarmEventType.Resolved ? "resolved" : "acknowledged")}",
                    AlarmId = e.Alarm.Id,
                    Site = _site,
                    Line = _line,
                    State = e.Type == AlarmEventType.Resolved ? ContractAlarmState.Resolved : ContractAlarmState.Acknowledged,
                    At = e.At,
                    By = e.Type == AlarmEventType.Resolved ? e.Alarm.ResolvedBy : e.Alarm.AcknowledgedBy,
                });
                break;
        }
    }

    private void OnDelivered(long seq)
    {
        if (_awaitingAck.TryRemove(seq, out var entry))
            PipelineMetrics.Stage(entry.Camera, PipelineMetrics.StageAlarmPublished, MonotonicClock.NowNs - entry.CaptureNs);
    }

    /// <summary>Maps an alarm to the contract; hazard details come from the analytics payload (snake_case JSON).</summary>
    private (AlarmMessage Message, long CaptureNs) ToMessage(Alarm alarm)
    {
        long nowNs = MonotonicClock.NowNs;
        long captureNs = nowNs - (long)((DateTimeOffset.UtcNow - alarm.RaisedAt).TotalMilliseconds * 1_000_000);
        string className = KindName(alarm.Kind);
        float confidence = 1f;
        long? trackId = null;
        float[]? box = null;
        var action = alarm.Severity == AlarmSeverity.Critical && alarm.Kind == AlarmKind.Jam ? RequestedAction.StopLine : RequestedAction.Notify;
        var downstream = new List<DownstreamEta>();
        if (alarm.Kind == AlarmKind.Hazard)
        {
            using var doc = JsonDocument.Parse(alarm.DetailsJson);
            var root = doc.RootElement;
            if (root.TryGetProperty("class_name", out var cn) && cn.GetString() is { } name) className = name;
            if (root.TryGetProperty("confidence", out var cf) && cf.ValueKind == JsonValueKind.Number) confidence = cf.GetSingle();
            if (root.TryGetProperty("track_id", out var tid) && tid.ValueKind == JsonValueKind.Number) trackId = tid.GetInt64();
            if (root.TryGetProperty("raised_ns", out var rn) && rn.ValueKind == JsonValueKind.Number) captureNs = rn.GetInt64();
            if (root.TryGetProperty("action", out var ac) && ac.GetString() is { } a)
                action = a switch { "stop_line" => RequestedAction.StopLine, "divert" => RequestedAction.Divert, _ => RequestedAction.Notify };
            if (root.TryGetProperty("box", out var bx) && bx.ValueKind == JsonValueKind.Object
                && bx.TryGetProperty("x1", out var x1) && bx.TryGetProperty("y1", out var y1) && bx.TryGetProperty("x2", out var x2) && bx.TryGetProperty("y2", out var y2))
                box = [x1.GetSingle(), y1.GetSingle(), x2.GetSingle(), y2.GetSingle()];
            if (root.TryGetProperty("etas", out var etas) && etas.ValueKind == JsonValueKind.Array)
            {
                foreach (var eta in etas.EnumerateArray())
                {
                    if (eta.TryGetProperty("name", out var pn) && eta.TryGetProperty("seconds", out var s) && s.ValueKind == JsonValueKind.Number
                        && pn.GetString() is { } point && double.IsFinite(s.GetDouble()))
                        downstream.Add(new DownstreamEta(point, s.GetDouble() * 1000.0));
                }
            }
        }
        var capturedAt = DateTimeOffset.UtcNow - TimeSpan.FromTicks(Math.Max(0, nowNs - captureNs) / 100);
        var message = new AlarmMessage
        {
            Id = alarm.Id,
            Site = _site,
            Line = _line,
            Camera = alarm.CameraId,
            ClassName = className,
            Confidence = confidence,
            TrackId = trackId,
            CapturedAt = capturedAt,
            RaisedAt = alarm.RaisedAt,
            Action = action,
            Downstream = downstream,
            Model = _model,
            Box = box,
        };
        return (message, captureNs);
    }

    private static string KindName(AlarmKind kind) => kind switch
    {
        AlarmKind.Hazard => "hazard",
        AlarmKind.Jam => "jam",
        AlarmKind.CameraFault => "camera_fault",
        AlarmKind.VisionDegraded => "vision_degraded",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null) _gateway.Outbox.Delivered -= OnDelivered;
        _alarms.Unsubscribe(_events);
        await _loop.ConfigureAwait(false);
    }
}
