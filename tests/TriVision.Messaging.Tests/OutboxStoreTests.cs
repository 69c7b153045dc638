using TriVision.Testing;
using System.Text;
using TriVision.Messaging.Outbox;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class OutboxStoreTests
{
    [Fact]
    public void Pending_rows_survive_reopen_in_order_and_completed_ones_do_not()
    {
        using var tmp = new TempDir();
        string path = tmp.File("o.db");
        long a, b, c;
        using (var store = new OutboxStore(path))
        {
            a = store.Append(OutboxKind.Alarm, "t/alarm", "a"u8, 1, false);
            b = store.Append(OutboxKind.Alarm, "t/alarm", "b"u8, 1, false);
            c = store.Append(OutboxKind.AlarmState, "t/alarm/state", "c"u8, 1, false);
            store.Complete([b]);
        }
        using var reopened = new OutboxStore(path);
        var pending = reopened.ReadPending(0, 100);
        Assert.Equal([a, c], pending.Select(p => p.Seq));
        Assert.Equal("a", Encoding.UTF8.GetString(pending[0].Payload));
        Assert.Equal([c], reopened.ReadPending(a, 100).Select(p => p.Seq));
    }

    [Fact]
    public void Coalescing_keeps_every_alarm_and_the_newest_belt_state_per_topic()
    {
        using var tmp = new TempDir();
        using var store = new OutboxStore(tmp.File("o.db"));
        var alarms = new List<long>();
        long lastL1 = 0, lastL2 = 0;
        for (int i = 0; i < 50; i++)
        {
            alarms.Add(store.Append(OutboxKind.Alarm, "t/alarm", Encoding.UTF8.GetBytes($"a{i}"), 1, false));
            lastL1 = store.Append(OutboxKind.BeltState, "t/l1/belt", Encoding.UTF8.GetBytes($"b{i}"), 1, true);
            lastL2 = store.Append(OutboxKind.BeltState, "t/l2/belt", Encoding.UTF8.GetBytes($"c{i}"), 1, true);
        }
        Assert.Equal(98, store.CoalesceBeltState());
        var left = store.ReadPending(0, 1000).Select(p => p.Seq).ToList();
        Assert.Equal(alarms.Concat([lastL1, lastL2]).Order(), left);
    }

    [Fact]
    public async Task Publisher_over_bound_coalesces_belt_state_but_keeps_alarms()
    {
        using var tmp = new TempDir();
        using var store = new OutboxStore(tmp.File("o.db"), synchronousFull: false);
        // No broker at all: nothing is ever acknowledged, so the outbox only grows.
        using var client = new Mqtt.MqttClient(new Mqtt.MqttClientOptions { Port = LoopbackPort.Free(), ClientId = "nobroker" });
        await using var publisher = new OutboxPublisher(client, store, new OutboxOptions { Bound = 20 });
        for (int i = 0; i < 30; i++)
        {
            publisher.Enqueue(OutboxKind.Alarm, "t/alarm", Encoding.UTF8.GetBytes($"a{i}"), 1, false);
            publisher.Enqueue(OutboxKind.BeltState, "t/belt", Encoding.UTF8.GetBytes($"b{i}"), 1, true);
        }
        var rows = store.ReadPending(0, 1000);
        Assert.Equal(30, rows.Count(r => r.Kind == OutboxKind.Alarm));
        Assert.Equal(1, rows.Count(r => r.Kind == OutboxKind.BeltState));
        Assert.Equal("b29", Encoding.UTF8.GetString(rows.Single(r => r.Kind == OutboxKind.BeltState).Payload));
    }
}
