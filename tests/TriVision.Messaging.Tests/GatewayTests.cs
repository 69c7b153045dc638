using TriVision.Testing;
using System.Text.Json;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class GatewayTests
{
    internal static MqttGatewayOptions Options(int port, string outbox, string clientId = "trivision-test") => new()
    {
        Site = "plant",
        Line = "l1",
        Client = new() { Port = port, ClientId = clientId, KeepAliveSeconds = 5, ReconnectDelayMax = TimeSpan.FromSeconds(2) },
        Outbox = new() { Path = outbox, SynchronousFull = false },
        Heartbeat = new() { Period = TimeSpan.FromMilliseconds(200), StallPeriods = 3 },
    };

    [Fact]
    public async Task Alarm_is_delivered_with_contract_fields_and_publish_stamp()
    {
        using var broker = new MosquittoBroker();
        using var tmp = new TempDir();
        using var sub = new TestSubscriber(broker.Port, "sub-basic", ["trivision/#"], cleanSession: true);
        await using var gateway = new MqttGateway(Options(broker.Port, tmp.File("outbox.db")), new InferenceProgress());
        gateway.Start();
        await gateway.Client.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        long delivered = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Logging.MessagingMetrics.MeterName && instrument.Name == "trivision.mqtt.outbox.delivered")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref delivered, value));
        listener.Start();

        gateway.RaiseAlarm(Alarms.Make(1));
        Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts(gateway.Topics.Alarm).Count >= 1, TimeSpan.FromSeconds(15)), "alarm not received");
        Assert.True(await TestSubscriber.WaitUntil(() => gateway.Outbox.PendingCount == 0, TimeSpan.FromSeconds(15)), "outbox not drained after PUBACK");
        Assert.True(Interlocked.Read(ref delivered) >= 1, "delivered counter not incremented");

        string json = sub.Texts(gateway.Topics.Alarm)[0];
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("alarm-000001", root.GetProperty("id").GetString());
        Assert.Equal("stop_line", root.GetProperty("action").GetString());
        Assert.Equal("gas_cylinder", root.GetProperty("class_name").GetString());
        Assert.Equal("ejector1", root.GetProperty("downstream")[0].GetProperty("point").GetString());
        Assert.Equal("sha256:0123", root.GetProperty("model").GetProperty("hash").GetString());
        var published = root.GetProperty("published_at").GetDateTimeOffset();
        Assert.True(published > PublishStamp.Placeholder, $"published_at not stamped: {json}");

        Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts(gateway.Topics.Availability).Contains("online"), TimeSpan.FromSeconds(10)));
    }
}
