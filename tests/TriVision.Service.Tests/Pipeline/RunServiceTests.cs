using TriVision.Testing;
using System.Net;
using System.Text.Json;
using TriVision.Service.Detectors;
using TriVision.Service.Host;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>
/// The whole service in-process: simulated camera → real ONNX model (bench fixture) → analytics →
/// alarms → real mosquitto on a free loopback port; /metrics and /health over real HTTP.
/// </summary>
public sealed class RunServiceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-run-").FullName;

    [Fact]
    public async Task Service_PublishesOnlineHeartbeatsAndBeltState_ServesMetricsAndHealth_AndGoesOfflineOnStop()
    {
        using var broker = new MosquittoBroker();
        using var recorder = new TopicRecorder(broker.Port);
        string data = Path.Combine(_dir, "data");
        string file = ServiceConfigFiles.Write(_dir, ServiceConfigFiles.Valid(data, broker.Port));
        const string prefix = "trivision/test-site/line9/";

        var host = TriVisionHost.Create(file, new Dictionary<string, string?>(), new OnnxDetectorFactory());
        try
        {
            await host.StartAsync();
            await recorder.WaitForAsync(l => l == prefix + "availability online", "availability online");
            // A heartbeat that counts frames proves inference runs, not just the process.
            await recorder.WaitForAsync(l => l.StartsWith(prefix + "heartbeat ", StringComparison.Ordinal) && FramesOf(l) > 0, "heartbeat with frames > 0");
            string belt = await recorder.WaitForAsync(l => l.StartsWith(prefix + "belt ", StringComparison.Ordinal), "belt state");
            using (var doc = JsonDocument.Parse(belt[(prefix.Length + 5)..]))
            {
                Assert.Equal("test-site", doc.RootElement.GetProperty("site").GetString());
                Assert.True(doc.RootElement.TryGetProperty("jam_state", out _));
            }

            using var http = new HttpClient { BaseAddress = new Uri(host.Url!) };
            Assert.StartsWith("http://127.0.0.1:", host.Url);
            string metrics = await http.GetStringAsync("/metrics");
            Assert.Contains("# TYPE trivision_pipeline_latency_ms histogram", metrics);
            Assert.Contains("trivision_pipeline_latency_ms_count{camera=\"cam1\",stage=\"inference\"}", metrics);
            Assert.Contains("trivision_pipeline_frames_total{camera=\"cam1\"}", metrics);
            Assert.Contains("trivision_camera_frames_dropped_total{camera=\"cam1\"}", metrics);

            var health = await http.GetAsync("/health");
            using (var doc = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
            {
                string status = doc.RootElement.GetProperty("status").GetString()!;
                Assert.Contains(status, new[] { "healthy", "degraded", "unhealthy" });
                Assert.Equal(status == "unhealthy" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, health.StatusCode);
                Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("reasons").ValueKind);
            }

            await host.StopAsync();
            await recorder.WaitForAsync(l => l == prefix + "availability offline", "availability offline after stop");
            Assert.True(host.Runtime.Pipelines[0].ProcessedCount > 0);
            Assert.True(File.Exists(Path.Combine(data, "alarms.db")));
            Assert.True(File.Exists(Path.Combine(data, "mqtt-outbox.db")));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static long FramesOf(string line)
    {
        int space = line.IndexOf(' ');
        using var doc = JsonDocument.Parse(line[(space + 1)..]);
        return doc.RootElement.GetProperty("frames").GetInt64();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
