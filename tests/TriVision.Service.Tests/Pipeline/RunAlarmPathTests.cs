using TriVision.Testing;
using System.Diagnostics;
using System.Text.Json;
using TriVision.Service.Host;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>A hazard seen by the detector reaches the PLC as an alarm, and the PLC's acknowledgement comes back as a state change.</summary>
public sealed class RunAlarmPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-alarm-").FullName;

    [Fact]
    public async Task HazardBecomesAnMqttAlarm_AndAnAcknowledgementFromAnAllowedClientIsPublished()
    {
        using var broker = new MosquittoBroker();
        using var recorder = new TopicRecorder(broker.Port);
        string file = ServiceConfigFiles.Write(_dir, ServiceConfigFiles.Valid(Path.Combine(_dir, "data"), broker.Port));
        const string prefix = "trivision/test-site/line9/";

        var host = TriVisionHost.Create(file, new Dictionary<string, string?>(), new MovingHazardDetector.Factory());
        try
        {
            await host.StartAsync();
            string line = await recorder.WaitForAsync(l => l.StartsWith(prefix + "alarm {", StringComparison.Ordinal) && l.Contains("\"gas_cylinder\""), "hazard alarm");
            string alarmId;
            using (var doc = JsonDocument.Parse(line[(prefix.Length + "alarm ".Length)..]))
            {
                var root = doc.RootElement;
                alarmId = root.GetProperty("id").GetString()!;
                Assert.Equal("cam1", root.GetProperty("camera").GetString());
                Assert.Equal("stop_line", root.GetProperty("action").GetString());
                Assert.Equal("moving-hazard-test", root.GetProperty("model").GetProperty("name").GetString());
                Assert.True(root.GetProperty("confidence").GetSingle() > 0.5f);
                Assert.True(root.GetProperty("captured_at").GetDateTimeOffset() <= root.GetProperty("published_at").GetDateTimeOffset());
            }

            // The PLC gateway acknowledges it; only the configured client id may.
            Publish(broker.Port, "intruder", prefix + "cmd", $"{{\"id\":\"c-1\",\"type\":\"ack_alarm\",\"client_id\":\"intruder\",\"alarm_id\":\"{alarmId}\"}}");
            await recorder.WaitForAsync(l => l.StartsWith(prefix + "cmd/reply", StringComparison.Ordinal) && l.Contains("\"rejected\""), "rejection of an unknown client");
            Publish(broker.Port, "plc-gw-1", prefix + "cmd", $"{{\"id\":\"c-2\",\"type\":\"ack_alarm\",\"client_id\":\"plc-gw-1\",\"alarm_id\":\"{alarmId}\"}}");
            await recorder.WaitForAsync(l => l.StartsWith(prefix + "alarm/state", StringComparison.Ordinal) && l.Contains(alarmId) && l.Contains("\"acknowledged\""), "acknowledged state change");

            using var http = new HttpClient { BaseAddress = new Uri(host.Url!) };
            string metrics = await http.GetStringAsync("/metrics");
            Assert.Contains("trivision_alarms_raised_total{kind=\"hazard\"}", metrics);
            Assert.Contains("stage=\"alarm_outbox\"", metrics);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void Publish(int port, string clientId, string topic, string payload)
    {
        using var p = Process.Start(new ProcessStartInfo("mosquitto_pub", ["-h", "127.0.0.1", "-p", port.ToString(), "-i", clientId, "-q", "1", "-t", topic, "-m", payload])
        {
            UseShellExecute = false,
        })!;
        Assert.True(p.WaitForExit(10_000), "mosquitto_pub did not finish");
        Assert.Equal(0, p.ExitCode);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
