using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TriVision.Messaging;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;

namespace TriVision.Benchmarks.Messaging;

/// <summary>
/// Alarm latency from RaiseAlarm (outbox commit) to PUBACK and the outbox row deleted, and sustained
/// throughput, on a loopback mosquitto; beside mosquitto_pub publishing the same payload at QoS 1 to
/// the same broker. Per-alarm p50/p99 are printed at cleanup (BenchmarkDotNet has no P99 column).
/// Run: dotnet run -c Release --project benchmarks/TriVision.Benchmarks -- --filter '*AlarmPublish*' --inProcess --warmupCount 3 --iterationCount 10
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class AlarmPublishBenchmarks
{
    private const int Batch = 1000;

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }

    private LoopbackBroker _broker = null!;
    private MqttGateway _gateway = null!;
    private string _outboxDir = null!;
    private readonly object _gate = new();
    private long _delivered;
    private long _waitFor = long.MaxValue;
    private TaskCompletionSource? _waiter;
    private readonly List<double> _latenciesUs = new(100_000);
    private int _next;
    private string _payloadText = null!;

    /// <summary>True: fsync per alarm (survives power loss, the default). False: survives a process crash only.</summary>
    [Params(true, false)]
    public bool Fsync { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _broker = new LoopbackBroker();
        _outboxDir = Directory.CreateTempSubdirectory("trivision-bench-outbox-").FullName;
        var options = new MqttGatewayOptions { Site = "bench", Line = "l1" };
        options.Client.Port = _broker.Port;
        options.Client.ClientId = "trivision-bench";
        options.Outbox.Path = Path.Combine(_outboxDir, "outbox.db");
        options.Outbox.SynchronousFull = Fsync;
        options.Outbox.Bound = 1_000_000;
        _gateway = new MqttGateway(options, new InferenceProgress());
        _gateway.Outbox.Delivered += OnDelivered;
        _gateway.Start();
        _gateway.Client.WaitConnectedAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        _payloadText = JsonSerializer.Serialize(Alarm(0), MessagingJsonContext.Default.AlarmMessage);
    }

    private void OnDelivered(long seq)
    {
        TaskCompletionSource? done = null;
        lock (_gate)
        {
            if (seq > _delivered) _delivered = seq;
            if (_waiter is not null && _delivered >= _waitFor)
            {
                done = _waiter;
                _waiter = null;
            }
        }
        done?.TrySetResult();
    }

    private Task WaitDelivered(long seq)
    {
        lock (_gate)
        {
            if (_delivered >= seq) return Task.CompletedTask;
            _waitFor = seq;
            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    private static AlarmMessage Alarm(int i)
    {
        var now = DateTimeOffset.UtcNow;
        return new AlarmMessage
        {
            Id = $"bench-{i}", Site = "bench", Line = "l1", Camera = "cam1", ClassName = "lithium_battery", Confidence = 0.91f,
            CapturedAt = now, RaisedAt = now, Action = RequestedAction.Divert, Downstream = [new DownstreamEta("ejector1", 900)],
            Model = new ModelIdentity("trivision-yolo", "sha256:bench"),
        };
    }

    [Benchmark(Description = "TriVision: raise -> PUBACK (1 alarm)")]
    public async Task RaiseToPubAck()
    {
        long start = Stopwatch.GetTimestamp();
        long seq = _gateway.RaiseAlarm(Alarm(++_next));
        await WaitDelivered(seq);
        _latenciesUs.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "TriVision: sustained, per alarm (1000 in flight-limited stream)")]
    public async Task Sustained()
    {
        long last = 0;
        for (int i = 0; i < Batch; i++) last = _gateway.RaiseAlarm(Alarm(++_next));
        await WaitDelivered(last);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "mosquitto_pub -q 1 --repeat 1000, per message")]
    public void MosquittoPubRepeat() => RunMosquittoPub("--repeat", Batch.ToString());

    private void RunMosquittoPub(params string[] extra)
    {
        var args = new List<string> { "-h", "127.0.0.1", "-p", _broker.Port.ToString(), "-q", "1", "-t", "trivision/bench/l1/alarm", "-m", _payloadText };
        args.AddRange(extra);
        using var p = Process.Start(new ProcessStartInfo("mosquitto_pub", args) { UseShellExecute = false, RedirectStandardError = true })!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mosquitto_pub exited with {p.ExitCode}: {error}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_latenciesUs.Count > 0)
        {
            _latenciesUs.Sort();
            double P(double q) => _latenciesUs[Math.Min(_latenciesUs.Count - 1, (int)(q * _latenciesUs.Count))];
            string line = $"raise->PUBACK fsync={Fsync}: n={_latenciesUs.Count} p50={P(0.50):F0} us p99={P(0.99):F0} us max={_latenciesUs[^1]:F0} us";
            Console.WriteLine("// " + line);
            File.AppendAllText(Path.Combine(Path.GetTempPath(), "trivision-mqtt-latency.txt"), line + Environment.NewLine);
        }
        _gateway.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _broker.Dispose();
        Directory.Delete(_outboxDir, true);
    }
}
