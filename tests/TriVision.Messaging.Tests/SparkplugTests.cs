using TriVision.Testing;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Sparkplug;
using TriVision.Messaging.Sparkplug.Proto;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class SparkplugTests
{
    [Fact]
    public async Task Subscriber_decodes_births_data_with_consecutive_seq_rebirth_and_death()
    {
        using var broker = new MosquittoBroker();
        using var host = new TestSubscriber(broker.Port, "scada-host", ["spBv1.0/#"], cleanSession: true);
        var node = new SparkplugNode(new SparkplugOptions
        {
            GroupId = "plant",
            EdgeNodeId = "trivision-l1",
            Cameras = ["cam1", "cam2"],
            Client = new MqttClientOptions { Port = broker.Port, ClientId = "trivision-spb", Protocol = MqttProtocol.V311 },
        });
        node.Start();
        await node.Client.WaitConnectedAsync(TimeSpan.FromSeconds(15));
        Assert.True(await TestSubscriber.WaitUntil(() => Count(host, "DBIRTH") >= 2, TimeSpan.FromSeconds(10)), "no DBIRTHs");

        node.PublishAlarm(Alarms.Make(1) with { Camera = "cam1" });
        node.PublishBeltState(new BeltStateMessage { Site = "plant", Line = "l1", At = DateTimeOffset.UtcNow, SpeedMps = 1.5, Occupancy = 0.4, JamState = JamState.Risk, JamRisk = 0.7 });
        for (int i = 0; i < 300; i++) node.PublishHealth("cam2", i, 12, false); // crosses the 255 -> 0 wrap

        // The SCADA host asks for a rebirth.
        var rebirth = new Payload { Timestamp = 1 };
        rebirth.Metrics.Add(SparkplugMetrics.Boolean(SparkplugMetrics.Rebirth, true, 1));
        host.Client.Publish("spBv1.0/plant/NCMD/trivision-l1", Google.Protobuf.MessageExtensions.ToByteArray(rebirth), 0, false);
        Assert.True(await TestSubscriber.WaitUntil(() => Count(host, "NBIRTH") >= 2 && Count(host, "DBIRTH") >= 4, TimeSpan.FromSeconds(10)), "rebirth not honoured");
        node.PublishAlarm(Alarms.Make(2) with { Camera = "cam2" });
        Assert.True(await TestSubscriber.WaitUntil(() => Count(host, "DDATA") >= 302, TimeSpan.FromSeconds(10)), $"DDATA count {Count(host, "DDATA")}");
        ulong bdSeq = node.BdSeq;
        node.Dispose();
        Assert.True(await TestSubscriber.WaitUntil(() => Count(host, "NDEATH") >= 1, TimeSpan.FromSeconds(10)), "no NDEATH");

        var messages = host.Snapshot().Select(m => (Type: m.Topic.Split('/')[2], m.Topic, Payload: Payload.Parser.ParseFrom(m.Payload))).ToList();
        ulong? expected = null;
        int births = 0;
        foreach (var (type, topic, payload) in messages)
        {
            if (type == "NDEATH")
            {
                Assert.False(payload.HasSeq);
                Assert.Equal(bdSeq, Metric(payload, SparkplugMetrics.BdSeq).LongValue);
                continue;
            }
            if (type == "NCMD") continue;
            if (type == "NBIRTH")
            {
                births++;
                Assert.Equal(0UL, payload.Seq);
                Assert.Equal(bdSeq, Metric(payload, SparkplugMetrics.BdSeq).LongValue);
                Assert.False(Metric(payload, SparkplugMetrics.Rebirth).BooleanValue);
                expected = 1;
                continue;
            }
            Assert.NotNull(expected);
            Assert.True(expected == payload.Seq, $"{topic}: seq {payload.Seq}, expected {expected}");
            expected = (expected + 1) % 256;
        }
        Assert.Equal(2, births);

        var firstAlarm = messages.First(m => m.Topic == "spBv1.0/plant/DDATA/trivision-l1/cam1").Payload;
        Assert.Equal("alarm-000001", Metric(firstAlarm, SparkplugMetrics.AlarmId).StringValue);
        Assert.Equal((uint)DataType.String, Metric(firstAlarm, SparkplugMetrics.AlarmId).Datatype);
        Assert.Equal("stop_line", Metric(firstAlarm, SparkplugMetrics.AlarmAction).StringValue);
        var belt = messages.First(m => m.Type == "NDATA").Payload;
        Assert.Equal("risk", Metric(belt, SparkplugMetrics.BeltJamState).StringValue);
        Assert.Equal(1.5, Metric(belt, SparkplugMetrics.BeltSpeed).DoubleValue);
        Assert.Contains(messages, m => m.Type == "DDATA" && m.Payload.Seq == 0); // wrapped
    }

    private static int Count(TestSubscriber host, string type) => host.Snapshot().Count(m => m.Topic.Split('/')[2] == type);

    private static Payload.Types.Metric Metric(Payload payload, string name) => payload.Metrics.Single(m => m.Name == name);
}
