using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Logging;
using TriVision.Messaging.Mqtt;
using Google.Protobuf;
using TriVision.Messaging.Sparkplug.Proto;
using static TriVision.Messaging.Sparkplug.SparkplugMetrics;

namespace TriVision.Messaging.Sparkplug;

/// <summary>
/// A Sparkplug B edge node (spBv1.0) for one line: NBIRTH/NDEATH with bdSeq (NDEATH registered as
/// the will), a DBIRTH/DDATA device per camera, one seq counter 0..255 over all node and device
/// messages, and NCMD <c>Node Control/Rebirth</c>. Sparkplug requires QoS 0 for these messages, so
/// this is the SCADA tag view; alarms that must not be lost go through <see cref="MqttGateway"/>'s outbox.
/// </summary>
public sealed class SparkplugNode : IDisposable
{
    private readonly SparkplugOptions _options;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, ulong> _alarmCounts = [];
    private ulong _bdSeq;
    private ulong _seq;
    private BeltStateMessage? _lastBelt;

    public SparkplugNode(SparkplugOptions options, ILogger? logger = null)
    {
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        Topics = new SparkplugTopics(options.GroupId, options.EdgeNodeId);
        foreach (var camera in options.Cameras) _alarmCounts[camera] = 0;
        options.Client.Will = DeathWill(_bdSeq);
        Client = new MqttClient(options.Client, _logger);
        Client.Subscribe(Topics.NodeCommand, 1);
        Client.Connected += OnConnected;
        Client.Disconnected += OnDisconnected;
        Client.MessageReceived += OnMessage;
    }

    public SparkplugTopics Topics { get; }
    public MqttClient Client { get; }

    /// <summary>The bdSeq of the current (or next) connection; NBIRTH and the registered NDEATH carry it.</summary>
    public ulong BdSeq
    {
        get { lock (_gate) return _bdSeq; }
    }

    public void Start() => Client.Start();

    /// <summary>DDATA on the camera's device with the alarm metrics.</summary>
    public void PublishAlarm(AlarmMessage alarm)
    {
        ulong now = NowMs();
        lock (_gate)
        {
            if (!_alarmCounts.TryGetValue(alarm.Camera, out ulong count))
                throw new ArgumentException($"camera '{alarm.Camera}' is not a Sparkplug device here; configured: {string.Join(", ", _options.Cameras)}");
            _alarmCounts[alarm.Camera] = ++count;
            var payload = new Payload { Timestamp = now };
            payload.Metrics.Add(String(AlarmId, alarm.Id, now));
            payload.Metrics.Add(String(AlarmClass, alarm.ClassName, now));
            payload.Metrics.Add(Float(AlarmConfidence, alarm.Confidence, now));
            payload.Metrics.Add(String(AlarmAction, ActionName(alarm.Action), now));
            payload.Metrics.Add(UInt64(AlarmCount, count, now));
            PublishSequencedLocked(Topics.DeviceData(alarm.Camera), payload);
        }
    }

    /// <summary>NDATA with the belt metrics (belt state belongs to the line, i.e. the edge node).</summary>
    public void PublishBeltState(BeltStateMessage belt)
    {
        ulong now = NowMs();
        lock (_gate)
        {
            _lastBelt = belt;
            var payload = new Payload { Timestamp = now };
            AddBelt(payload, belt, now);
            PublishSequencedLocked(Topics.NodeData, payload);
        }
    }

    /// <summary>DDATA with a camera's pipeline health.</summary>
    public void PublishHealth(string camera, long frames, long lastInferenceAgeMs, bool stalled)
    {
        ulong now = NowMs();
        lock (_gate)
        {
            var payload = new Payload { Timestamp = now };
            payload.Metrics.Add(UInt64(HealthFrames, (ulong)Math.Max(0, frames), now));
            payload.Metrics.Add(Int64(HealthInferenceAge, lastInferenceAgeMs, now));
            payload.Metrics.Add(Boolean(HealthStalled, stalled, now));
            PublishSequencedLocked(Topics.DeviceData(camera), payload);
        }
    }

    /// <summary>Publishes NDEATH (a clean DISCONNECT does not fire the will) and disconnects.</summary>
    public void Dispose()
    {
        if (Client.IsConnected)
        {
            ulong bdSeq;
            lock (_gate) bdSeq = _bdSeq;
            var death = DeathWill(bdSeq);
            // Waits for the PUBACK so the DISCONNECT cannot overtake it; bounded so shutdown never hangs.
            Client.PublishAndWaitAsync(death.Topic, death.Payload, death.Retain, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
        }
        Client.Dispose();
    }

    private void OnConnected()
    {
        lock (_gate) PublishBirthsLocked();
    }

    private void OnDisconnected(string reason)
    {
        // Each new MQTT session gets the next bdSeq; its NDEATH must be registered before reconnecting.
        lock (_gate)
        {
            _bdSeq = (_bdSeq + 1) % 256;
            Client.SetWill(DeathWill(_bdSeq));
        }
    }

    private void OnMessage(MqttReceivedMessage message)
    {
        if (message.Topic != Topics.NodeCommand) return;
        Payload command;
        try { command = Payload.Parser.ParseFrom(message.Payload); }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            MessagingLog.SparkplugCommandRejected(_logger, message.Topic, $"not a Sparkplug B payload: {ex.Message}");
            return;
        }
        foreach (var metric in command.Metrics)
        {
            if (metric.Name == Rebirth && metric.ValueCase == Payload.Types.Metric.ValueOneofCase.BooleanValue && metric.BooleanValue)
            {
                MessagingLog.Rebirth(_logger, message.Topic);
                lock (_gate) PublishBirthsLocked();
                return;
            }
        }
        MessagingLog.SparkplugCommandRejected(_logger, message.Topic, "no supported metric (only 'Node Control/Rebirth' = true)");
    }

    private void PublishBirthsLocked()
    {
        ulong now = NowMs();
        var birth = new Payload { Timestamp = now, Seq = 0 };
        birth.Metrics.Add(UInt64(SparkplugMetrics.BdSeq, _bdSeq, now));
        birth.Metrics.Add(Boolean(Rebirth, false, now));
        AddBelt(birth, _lastBelt, now);
        _seq = 0;
        Client.TryPublish(Topics.NodeBirth, birth.ToByteArray(), 0, false, out _);
        foreach (var camera in _options.Cameras)
        {
            var device = new Payload { Timestamp = now };
            device.Metrics.Add(String(AlarmId, "", now));
            device.Metrics.Add(String(AlarmClass, "", now));
            device.Metrics.Add(Float(AlarmConfidence, 0, now));
            device.Metrics.Add(String(AlarmAction, "", now));
            device.Metrics.Add(UInt64(AlarmCount, _alarmCounts[camera], now));
            device.Metrics.Add(UInt64(HealthFrames, 0, now));
            device.Metrics.Add(Int64(HealthInferenceAge, -1, now));
            device.Metrics.Add(Boolean(HealthStalled, false, now));
            PublishSequencedLocked(Topics.DeviceBirth(camera), device);
        }
    }

    private static void AddBelt(Payload payload, BeltStateMessage? belt, ulong now)
    {
        payload.Metrics.Add(Double(BeltSpeed, belt?.SpeedMps ?? 0, now));
        payload.Metrics.Add(Double(BeltOccupancy, belt?.Occupancy ?? 0, now));
        payload.Metrics.Add(String(BeltJamState, belt is null ? "clear" : JamName(belt.JamState), now));
        payload.Metrics.Add(Double(BeltJamRisk, belt?.JamRisk ?? 0, now));
    }

    // seq is per edge node across NDATA/DBIRTH/DDATA, 0..255 then wraps (NBIRTH is always 0).
    private void PublishSequencedLocked(string topic, Payload payload)
    {
        _seq = (_seq + 1) % 256;
        payload.Seq = _seq;
        Client.TryPublish(topic, payload.ToByteArray(), 0, false, out _);
    }

    private MqttWill DeathWill(ulong bdSeq)
    {
        ulong now = NowMs();
        var death = new Payload { Timestamp = now };
        death.Metrics.Add(UInt64(SparkplugMetrics.BdSeq, bdSeq, now));
        return new MqttWill(Topics.NodeDeath, death.ToByteArray(), 1, false);
    }

    private static ulong NowMs() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string ActionName(RequestedAction action) => action switch
    {
        RequestedAction.StopLine => "stop_line",
        RequestedAction.Divert => "divert",
        _ => "notify",
    };

    private static string JamName(JamState state) => state switch
    {
        JamState.Jammed => "jammed",
        JamState.Risk => "risk",
        _ => "clear",
    };
}
