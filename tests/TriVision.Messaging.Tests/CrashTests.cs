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
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "TriVision.Messaging.Harness.dll");
            var psi = new ProcessStartInfo("dotnet", [dll, port.ToString(), outbox, "plant", "l1", first.ToString(), count.ToString(), intervalMs.ToString()])
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
}
