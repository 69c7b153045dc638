using TriVision.Testing;
using TriVision.Messaging.Health;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class OutageTests
{
    [Fact]
    public async Task Broker_down_30_s_every_alarm_arrives_in_order()
    {
        using var broker = new MosquittoBroker();
        using var tmp = new TempDir();
        // A persistent QoS 1 session: the broker keeps it across its own restart (persistence on).
        using var sub = new TestSubscriber(broker.Port, "plc-gateway-outage", ["trivision/plant/l1/alarm"]);
        await using var gateway = new MqttGateway(GatewayTests.Options(broker.Port, tmp.File("outbox.db")), new InferenceProgress());
        gateway.Start();
        await gateway.Client.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        int raised = 0;
        using var stopInjecting = new CancellationTokenSource();
        // Hazards at a steady rate (10 per second) for the whole run, outage included.
        var injector = Task.Run(async () =>
        {
            while (!stopInjecting.IsCancellationRequested)
            {
                gateway.RaiseAlarm(Alarms.Make(++raised));
                await Task.Delay(100);
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        broker.Stop();
        int raisedAtStop = raised;
        await Task.Delay(TimeSpan.FromSeconds(30));
        Assert.True(gateway.Outbox.PendingCount > 0, "alarms raised during the outage should be pending in the outbox");
        broker.Start();
        await Task.Delay(TimeSpan.FromSeconds(3));
        stopInjecting.Cancel();
        await injector;

        var expected = Enumerable.Range(1, raised).Select(i => $"alarm-{i:D6}").ToList();
        bool all = await TestSubscriber.WaitUntil(
            () => Alarms.DedupedIds(sub.Texts("trivision/plant/l1/alarm")).Count >= raised, TimeSpan.FromSeconds(30));
        var got = Alarms.DedupedIds(sub.Texts("trivision/plant/l1/alarm"));
        Assert.True(all, $"received {got.Count} of {raised} alarms (raised {raisedAtStop} before the outage)");
        Assert.Equal(expected, got);
        Assert.True(raised - raisedAtStop >= 250, $"only {raised - raisedAtStop} alarms raised during/after the outage");
    }
}
