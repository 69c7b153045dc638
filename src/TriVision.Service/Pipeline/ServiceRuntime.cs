using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriVision.Analytics.Alarms;
using TriVision.Analytics.Geometry;
using TriVision.Analytics.Pipeline;
using TriVision.Capture.Sources;
using TriVision.Core.Time;
using TriVision.Inference;
using TriVision.Inference.Detectors;
using TriVision.Inference.Onnx;
using TriVision.Messaging;
using TriVision.Messaging.Commands;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Outbox;
using TriVision.Messaging.Sparkplug;
using TriVision.Service.Detectors;
using TriVision.Service.Host;
using AnalyticsJamState = TriVision.Analytics.Jams.JamState;

namespace TriVision.Service.Pipeline;

/// <summary>
/// Everything <c>trivision run</c> runs, owned in one place and started/stopped in order: alarm
/// store and lifecycle, one <see cref="CameraPipeline"/> per camera, the MQTT gateway (and
/// Sparkplug node), the alarm publisher, and a 250 ms supervision tick (vision health, escalations,
/// belt state).
/// </summary>
public sealed class ServiceRuntime : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly ServiceOptions _o;
    private readonly IDetectorFactory _detectors;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly List<CameraPipeline> _pipelines = new();
    private readonly InferenceProgress _progress = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _dropsSeen = new();
    private SqliteAlarmStore? _store;
    private AlarmManager? _alarms;
    private VisionHealthMonitor? _health;
    private MqttGateway? _gateway;
    private SparkplugNode? _sparkplug;
    private AlarmPublisher? _publisher;
    private LineCommandTarget? _commands;
    private Task? _supervisor;
    private bool _stopped;
    private bool _disposed;

    public ServiceRuntime(ServiceOptions options, IDetectorFactory detectors, ILoggerFactory loggers)
    {
        _o = options;
        _detectors = detectors;
        _loggers = loggers;
        _logger = loggers.CreateLogger("TriVision.Service");
        PipelineMetrics.RegisterGauges(() => _pipelines);
    }

    public IReadOnlyList<CameraPipeline> Pipelines => _pipelines;
    public string DataFolder => Path.GetFullPath(_o.Storage.DataFolder);
    public string AlarmDatabase => Path.Combine(DataFolder, "alarms.db");
    public string OutboxDatabase => Path.Combine(DataFolder, "mqtt-outbox.db");
    public long AlarmsRaised => _publisher?.RaisedCount ?? 0;
    public MqttGateway? Gateway => _gateway;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataFolder);
        _store = new SqliteAlarmStore(AlarmDatabase);
        _alarms = new AlarmManager(_store, _o.Analytics.Alarms);
        _health = new VisionHealthMonitor(_alarms, _o.Analytics.Health);
        // Start-up grace: the first inference (model warm-up) must not read as a stall.
        _health.InferenceCompleted(MonotonicClock.NowNs);
        var analyzerOptions = _o.Analytics.ToAnalyzerOptions();
        var model = new ModelIdentity(Path.GetFileName(_o.Model.Path), "");

        foreach (var camera in _o.Cameras)
        {
            var detector = _detectors.Create(new DetectorOptions(_o.Model.Path, _o.Model.Provider, _o.Model.Strict, _o.Model.Labels,
                _o.Model.ConfidenceThreshold, _o.Model.IouThreshold, _o.Model.MaxDetections, AllowSpinning: _o.Model.AllowSpinning));
            string provider = "custom";
            model = new ModelIdentity(detector.ModelName, "");
            if (detector is OnnxDetector onnx)
            {
                model = new ModelIdentity(onnx.ModelName, onnx.ModelHash);
                provider = onnx.Session.ActiveProvider.ToString().ToLowerInvariant();
                if (!string.Equals(_o.Model.Provider, "auto", StringComparison.OrdinalIgnoreCase))
                    _health.ProviderInUse(_o.Model.Provider.ToLowerInvariant(), provider);
                if (onnx.Session.Health.Status == HealthStatus.Degraded && onnx.Session.Health.Reason is { } reason)
                    PipelineLog.Degraded(_logger, reason);
            }
            camera.Belt.CameraId = camera.Name;
            var geometry = BeltGeometry.Create(camera.Belt);
            var analyzer = new BeltAnalyzer(geometry, analyzerOptions);
            var source = FrameSourceFactory.Create(camera.ToSourceOptions(), _loggers);
            var pipeline = new CameraPipeline(camera.Name, source, camera.Capture.SlotCapacity, detector, analyzer, _alarms, _health,
                _progress, _loggers.CreateLogger("TriVision.Pipeline." + camera.Name), _o.Model.MaxDetections);
            _pipelines.Add(pipeline);
        }

        _commands = new LineCommandTarget(_alarms, BuildBeltState);
        if (_o.Mqtt.Enabled)
        {
            _gateway = new MqttGateway(BuildGatewayOptions(), _progress, _commands, _loggers.CreateLogger("TriVision.Messaging"));
            _gateway.Start();
            if (_o.Mqtt.Sparkplug)
            {
                _sparkplug = new SparkplugNode(BuildSparkplugOptions(), _loggers.CreateLogger("TriVision.Sparkplug"));
                _sparkplug.Start();
            }
        }
        _publisher = new AlarmPublisher(_alarms, _gateway, _sparkplug, model, _o.Site, _o.Line, _loggers.CreateLogger("TriVision.Alarms"));

        foreach (var p in _pipelines)
        {
            p.Start();
            var f = p.Source.Format;
            PipelineLog.CameraStarted(_logger, p.Name, f.Width, f.Height, f.PixelFormat.ToString(), _o.Model.Provider, model.Name);
        }
        _supervisor = Task.Run(SuperviseAsync);
        return Task.CompletedTask;
    }

    private async Task SuperviseAsync()
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                long now = MonotonicClock.NowNs;
                foreach (var p in _pipelines)
                {
                    long dropped = p.DroppedCount;
                    _dropsSeen.TryGetValue(p.Name, out long seen);
                    if (dropped > seen) _health!.FramesDropped(p.Name, (int)Math.Min(int.MaxValue, dropped - seen), now);
                    _dropsSeen[p.Name] = dropped;
                }
                _health!.Evaluate(now);
                _alarms!.CheckEscalations();
                if (BuildBeltState() is { } belt)
                {
                    _gateway?.PublishBeltState(belt);
                    _sparkplug?.PublishBeltState(belt);
                }
                if (_sparkplug is not null)
                    foreach (var p in _pipelines)
                        _sparkplug.PublishHealth(p.Name, p.ProcessedCount, p.LastInferenceAgeMs, p.LastInferenceAgeMs > _o.Analytics.Health.InferenceStallMs);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>The line's belt state from the most recently active camera; null before the first frame.</summary>
    private BeltStateMessage? BuildBeltState()
    {
        CameraPipeline? newest = null;
        foreach (var p in _pipelines)
            if (p.LastInferenceNs != 0 && (newest is null || p.LastInferenceNs > newest.LastInferenceNs)) newest = p;
        if (newest is null) return null;
        var a = newest.LastAnalysis;
        return new BeltStateMessage
        {
            Site = _o.Site,
            Line = _o.Line,
            At = DateTimeOffset.UtcNow,
            SpeedMps = a.Speed.IsKnown ? Math.Round(a.Speed.MetresPerSecond, 3) : 0,
            Occupancy = Math.Round(a.Occupancy, 3),
            JamState = a.Jam.State switch
            {
                AnalyticsJamState.Normal => JamState.Clear,
                AnalyticsJamState.Jammed => JamState.Jammed,
                _ => JamState.Risk,
            },
            JamRisk = Math.Round(a.Jam.Risk, 3),
            MutedUntil = _commands?.MutedUntil,
        };
    }

    /// <summary>healthy / degraded / unhealthy with the reasons, from the open vision alarms and the pipelines' state.</summary>
    public HealthReport Health()
    {
        var unhealthy = new List<string>();
        var degraded = new List<string>();
        if (_alarms is null) return new HealthReport(HealthReport.Unhealthy, ["starting"]);
        foreach (var a in _alarms.Open)
        {
            if (a.Kind == AlarmKind.CameraFault) unhealthy.Add(a.Title);
            else if (a.Kind == AlarmKind.VisionDegraded)
                (a.ConditionKey == VisionHealthMonitor.InferenceStalledKey ? unhealthy : degraded).Add(a.Title);
        }
        foreach (var p in _pipelines)
        {
            if (!p.Running) unhealthy.Add($"camera {p.Name}: inference thread not running");
            else if (p.LastInferenceNs == 0) degraded.Add($"camera {p.Name}: no inference completed yet");
        }
        if (_gateway is not null && !_gateway.Client.IsConnected)
            degraded.Add($"MQTT broker {_o.Mqtt.Host}:{_o.Mqtt.Port} not connected{(_gateway.Client.LastError is { } e ? ": " + e : "")}");
        if (unhealthy.Count > 0) { unhealthy.AddRange(degraded); return new HealthReport(HealthReport.Unhealthy, unhealthy); }
        if (degraded.Count > 0) return new HealthReport(HealthReport.Degraded, degraded);
        return new HealthReport(HealthReport.Healthy, []);
    }

    internal MqttGatewayOptions BuildGatewayOptions() => new()
    {
        Site = _o.Site,
        Line = _o.Line,
        Client = BuildClientOptions(_o.Mqtt.ClientId ?? $"trivision-{_o.Line}", _o.Mqtt.Protocol),
        Outbox = new OutboxOptions { Path = OutboxDatabase },
        Heartbeat = new HeartbeatOptions { Period = _o.Mqtt.HeartbeatPeriod },
        Commands = new CommandOptions { AllowedClientIds = _o.Mqtt.AllowedCommandClients },
        BeltStateMinInterval = _o.Mqtt.BeltStateMinInterval,
    };

    private SparkplugOptions BuildSparkplugOptions()
    {
        var cameras = new List<string>();
        foreach (var c in _o.Cameras) cameras.Add(c.Name);
        return new SparkplugOptions
        {
            GroupId = _o.Site,
            EdgeNodeId = $"trivision-{_o.Line}",
            Cameras = cameras,
            // Sparkplug B is specified on MQTT 3.1.1; a second client id keeps the two sessions apart.
            Client = BuildClientOptions((_o.Mqtt.ClientId ?? $"trivision-{_o.Line}") + "-spb", MqttProtocol.V311),
        };
    }

    private MqttClientOptions BuildClientOptions(string clientId, MqttProtocol protocol) => new()
    {
        Host = _o.Mqtt.Host,
        Port = _o.Mqtt.Port,
        ClientId = clientId,
        Protocol = protocol,
        KeepAliveSeconds = _o.Mqtt.KeepAliveSeconds,
        Username = _o.Mqtt.Username,
        Password = _o.Mqtt.Password,
        Tls = _o.Mqtt.Tls is { } t ? new MqttTlsOptions(t.CaFile, t.CertFile, t.KeyFile) : null,
    };

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped) return;
        _stopped = true;
        _stop.Cancel();
        if (_supervisor is not null) await _supervisor.ConfigureAwait(false);
        // Cameras first (no new alarms), then the publisher drains, then MQTT says offline.
        foreach (var p in _pipelines) p.Stop();
        _alarms?.Dispose();
        if (_publisher is not null) await _publisher.DisposeAsync().ConfigureAwait(false);
        _sparkplug?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync().ConfigureAwait(false);
        _store?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var p in _pipelines) p.Dispose();
        _stop.Dispose();
    }
}
