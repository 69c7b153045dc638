using TriVision.Testing;
using System.Diagnostics;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class CrashTests
{
    private sealed class Harness : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];

        public Harness(int port, string outbox, int first, int count, int intervalMs)
            : this([port.ToString(), outbox, "plant", "l1", first.ToString(), count.ToString(), intervalMs.ToString()])
        {
        }

        public Harness(string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "TriVision.Messaging.Harness.dll");
            var psi = new ProcessStartInfo("dotnet", [dll, .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            _process = Process.Start(psi)!;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add("stderr: " + e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public List<string> Raised()
        {
            lock (_lines) return _lines.Where(l => l.StartsWith("raised ")).Select(l => l[7..]).ToList();
        }

        public bool Saw(string line)
        {
            lock (_lines) return _lines.Contains(line);
        }

        public string Output()
        {
            lock (_lines) return string.Join("\n", _lines);
        }

        public void SigKill()
        {
            MosquittoBroker.kill(_process.Id, 9);
            _process.WaitForExit(10_000);
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }

    [Fact]
    public async Task SigKill_then_restart_delivers_pending_alarms_and_will_turns_availability_offline()
    {
        using var broker = new MosquittoBroker();
        using var tmp = new TempDir();
        string outbox = tmp.File("outbox.db");
        // MQTT 5 persistent session (session expiry); the outage test covers 3.1.1 clean_session=false.
        using var sub = new TestSubscriber(broker.Port, "plc-gateway-crash", ["trivision/plant/l1/alarm", "trivision/plant/l1/availability"], protocol: Mqtt.MqttProtocol.V5);
        const string alarmTopic = "trivision/plant/l1/alarm";
        const string availability = "trivision/plant/l1/availability";

        // Run 1: alarms flow, then the broker goes away so later alarms can only sit in the outbox,
        // and the process is SIGKILLed with them unacknowledged.
        var first = new Harness(broker.Port, outbox, 1, 100_000, 50);
        Assert.True(await TestSubscriber.WaitUntil(() => Alarms.DedupedIds(sub.Texts(alarmTopic)).Count >= 5, TimeSpan.FromSeconds(30)), first.Output());
        Assert.Equal("online", sub.Texts(availability).LastOrDefault());
        broker.Stop();
        int raisedBeforeOutage = first.Raised().Count;
        Assert.True(await TestSubscriber.WaitUntil(() => first.Raised().Count >= raisedBeforeOutage + 20, TimeSpan.FromSeconds(30)), first.Output());
        first.SigKill();
        var raisedByFirst = first.Raised();
        first.Dispose();
        broker.Start();

        // Run 2: the restarted process replays its outbox, raises a few more, and is killed with the broker up.
        var second = new Harness(broker.Port, outbox, 500_000, 5, 50);
        Assert.True(await TestSubscriber.WaitUntil(() => second.Saw("idle"), TimeSpan.FromSeconds(30)), second.Output());
        var expected = raisedByFirst.Concat(second.Raised()).ToList();
        Assert.True(await TestSubscriber.WaitUntil(
            () => expected.All(new HashSet<string>(Alarms.DedupedIds(sub.Texts(alarmTopic))).Contains), TimeSpan.FromSeconds(30)),
            $"missing: {string.Join(",", expected.Except(Alarms.DedupedIds(sub.Texts(alarmTopic))).Take(20))}");
        // In order: what was raised is a subsequence of what arrived (an alarm committed in the instant
        // of the kill, before its "raised" line was printed, may arrive as an extra).
        var got = Alarms.DedupedIds(sub.Texts(alarmTopic));
        Assert.Equal(expected, got.Where(new HashSet<string>(expected).Contains).ToList());

        Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts(availability).LastOrDefault() == "online", TimeSpan.FromSeconds(10)));
        second.SigKill();
        second.Dispose();
        Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts(availability).LastOrDefault() == "offline", TimeSpan.FromSeconds(20)),
            "the last will did not turn availability offline: " + string.Join(",", sub.Texts(availability)));
    }

    [Fact]
    public async Task Sparkplug_NDEATH_will_with_matching_bdSeq_when_the_process_is_killed()
    {
        using var broker = new MosquittoBroker();
        using var host = new TestSubscriber(broker.Port, "scada-host-crash", ["spBv1.0/#"], cleanSession: true);
        using var node = new Harness(["sparkplug", broker.Port.ToString()]);
        static string Type(Mqtt.MqttReceivedMessage m) => m.Topic.Split('/')[2];
        Assert.True(await TestSubscriber.WaitUntil(() => host.Snapshot().Count(m => Type(m) == "DDATA") >= 3, TimeSpan.FromSeconds(30)), node.Output());
        node.SigKill();
        Assert.True(await TestSubscriber.WaitUntil(() => host.Snapshot().Any(m => Type(m) == "NDEATH"), TimeSpan.FromSeconds(20)), "no NDEATH after SIGKILL");

        var birth = Sparkplug.Proto.Payload.Parser.ParseFrom(host.Snapshot().First(m => Type(m) == "NBIRTH").Payload);
        var death = Sparkplug.Proto.Payload.Parser.ParseFrom(host.Snapshot().First(m => Type(m) == "NDEATH").Payload);
        ulong BdSeq(Sparkplug.Proto.Payload p) => p.Metrics.Single(x => x.Name == Sparkplug.SparkplugMetrics.BdSeq).LongValue;
        Assert.Equal(BdSeq(birth), BdSeq(death));
    }
}
