using TriVision.Testing;
using TriVision.Messaging.Health;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Heartbeat_stops_when_inference_stalls_while_the_process_stays_up_and_resumes_after()
    {
        using var broker = new MosquittoBroker();
        using var tmp = new TempDir();
        using var sub = new TestSubscriber(broker.Port, "watchdog", ["trivision/plant/l1/heartbeat", "trivision/plant/l1/availability"], cleanSession: true);
        var progress = new InferenceProgress();
        await using var gateway = new MqttGateway(GatewayTests.Options(broker.Port, tmp.File("outbox.db")), progress);
        gateway.Start();
        await gateway.Client.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        using (var running = new CancellationTokenSource())
        {
            var pipeline = Task.Run(async () =>
            {
                while (!running.IsCancellationRequested) { progress.Report(); await Task.Delay(20); }
            });
            Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts(gateway.Topics.Heartbeat).Count >= 5, TimeSpan.FromSeconds(15)), "no heartbeats while inference runs");
            running.Cancel();
            await pipeline;
        }

        // Stall: 3 periods of 200 ms, plus margin for a loaded machine; then heartbeats must have stopped.
        Assert.True(await TestSubscriber.WaitUntil(() => CountAfterQuiet(sub, gateway.Topics.Heartbeat), TimeSpan.FromSeconds(20)),
            "heartbeats kept coming after inference stopped");
        int stalled = sub.Texts(gateway.Topics.Heartbeat).Count;
        await Task.Delay(1500);
        Assert.Equal(stalled, sub.Texts(gateway.Topics.Heartbeat).Count);
        Assert.True(gateway.Client.IsConnected);
        Assert.Equal("online", sub.Texts(gateway.Topics.Availability).LastOrDefault());

        progress.Report();
        Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts(gateway.Topics.Heartbeat).Count > stalled, TimeSpan.FromSeconds(10)), "heartbeat did not resume");
        string last = sub.Texts(gateway.Topics.Heartbeat)[^1];
        Assert.Contains("\"period_ms\":200", last);
        Assert.Contains("\"last_inference_age_ms\":", last);
    }

    // True once no heartbeat has arrived for a full second.
    private static bool CountAfterQuiet(TestSubscriber sub, string topic)
    {
        int before = sub.Texts(topic).Count;
        Thread.Sleep(1000);
        return sub.Texts(topic).Count == before;
    }

    [Fact]
    public void Monitor_withholds_after_stall_periods_without_progress()
    {
        var monitor = new HeartbeatMonitor(new HeartbeatOptions { Period = TimeSpan.FromSeconds(1), StallPeriods = 3 }, startNs: 0);
        const long s = 1_000_000_000;
        Assert.True(monitor.Tick(1 * s, 10));
        Assert.True(monitor.Tick(2 * s, 20));
        Assert.True(monitor.Tick(5 * s, 20));   // 3 s without progress: at the limit
        Assert.False(monitor.Tick(6 * s, 20));  // past it
        Assert.True(monitor.Tick(7 * s, 21));   // progress again
        var neverStarted = new HeartbeatMonitor(new HeartbeatOptions { Period = TimeSpan.FromSeconds(1), StallPeriods = 3 }, startNs: 0);
        Assert.True(neverStarted.Tick(1 * s, 0));
        Assert.False(neverStarted.Tick(4 * s + 1, 0));
    }
}
