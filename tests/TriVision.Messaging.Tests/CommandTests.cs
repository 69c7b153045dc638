using TriVision.Testing;
using System.Text;
using System.Text.Json;
using TriVision.Messaging.Commands;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class CommandTests
{
    private sealed class FakeLine : ICommandTarget
    {
        public List<string> Acknowledged { get; } = [];
        public DateTimeOffset? MutedUntil { get; private set; }

        public CommandOutcome AcknowledgeAlarm(string alarmId, string clientId, string? reason)
        {
            if (alarmId != "alarm-000001") return CommandOutcome.Rejected($"unknown alarm id '{alarmId}'");
            lock (Acknowledged) Acknowledged.Add(alarmId);
            return CommandOutcome.Ok();
        }

        public CommandOutcome MuteLine(DateTimeOffset until, string clientId, string? reason)
        {
            MutedUntil = until;
            return CommandOutcome.Ok();
        }

        public LineState GetState() => new() { ActiveAlarmIds = ["alarm-000001"], MutedUntil = MutedUntil };
    }

    private static MqttClient Sender(int port, string identity)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Port = port,
            ClientId = "sender-" + identity,
            UserProperties = [new("client_id", identity)],
        });
        client.Start();
        return client;
    }

    [Fact]
    public async Task Malformed_unauthorised_and_unknown_commands_are_rejected_with_reasons_valid_ones_accepted()
    {
        using var broker = new MosquittoBroker();
        using var tmp = new TempDir();
        using var sub = new TestSubscriber(broker.Port, "reply-reader", ["trivision/plant/l1/cmd/reply"], cleanSession: true);
        var options = GatewayTests.Options(broker.Port, tmp.File("outbox.db"));
        options.Commands.AllowedClientIds = ["plc-1"];
        var line = new FakeLine();
        await using var gateway = new MqttGateway(options, new InferenceProgress(), line);
        gateway.Start();
        await gateway.Client.WaitConnectedAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(300); // SUBACK for the command topic

        using var plc = Sender(broker.Port, "plc-1");
        using var intruder = Sender(broker.Port, "intruder");
        await plc.WaitConnectedAsync(TimeSpan.FromSeconds(15));
        await intruder.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        var cases = new (MqttClient From, string Payload, string? Id, string Status, string? ReasonPart)[]
        {
            (plc, "{not json", null, "rejected", "JSON"),
            (plc, """{"id":"c2","type":"ack_alarm","client_id":"plc-1"}""", "c2", "rejected", "alarm_id"),
            (plc, """{"id":"c3","type":"ack_alarm","client_id":"plc-1","alarm_id":"alarm-999999"}""", "c3", "rejected", "unknown alarm id"),
            (intruder, """{"id":"c4","type":"ack_alarm","client_id":"intruder","alarm_id":"alarm-000001"}""", "c4", "rejected", "not allowed"),
            (intruder, """{"id":"c5","type":"ack_alarm","client_id":"plc-1","alarm_id":"alarm-000001"}""", "c5", "rejected", "differs"),
            (plc, """{"id":"c6","type":"mute_line","client_id":"plc-1","duration_s":0}""", "c6", "rejected", "duration_s"),
            (plc, """{"id":"c7","type":"ack_alarm","client_id":"plc-1","alarm_id":"alarm-000001","extra":1}""", "c7", "rejected", "unknown property"),
            (plc, """{"id":"c8","type":"ack_alarm","client_id":"plc-1","alarm_id":"alarm-000001"}""", "c8", "accepted", null),
            (plc, """{"id":"c9","type":"mute_line","client_id":"plc-1","duration_s":600,"reason":"belt maintenance"}""", "c9", "accepted", null),
            (plc, """{"id":"c10","type":"request_state","client_id":"plc-1"}""", "c10", "accepted", null),
        };

        for (int i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            c.From.Publish("trivision/plant/l1/cmd", Encoding.UTF8.GetBytes(c.Payload), 1, false);
            Assert.True(await TestSubscriber.WaitUntil(() => sub.Texts("trivision/plant/l1/cmd/reply").Count > i, TimeSpan.FromSeconds(10)), $"no reply to case {i}: {c.Payload}");
            var reply = JsonSerializer.Deserialize(sub.Texts("trivision/plant/l1/cmd/reply")[i], MessagingJsonContext.Default.CommandReply)!;
            Assert.Equal(c.Id, reply.CommandId);
            Assert.Equal(c.Status, reply.Status);
            if (c.ReasonPart is not null) Assert.Contains(c.ReasonPart, reply.Reason);
        }

        Assert.Equal(["alarm-000001"], line.Acknowledged);
        Assert.NotNull(line.MutedUntil);
        var stateReply = JsonSerializer.Deserialize(sub.Texts("trivision/plant/l1/cmd/reply")[^1], MessagingJsonContext.Default.CommandReply)!;
        Assert.Equal(["alarm-000001"], stateReply.State!.ActiveAlarmIds);
        Assert.True(gateway.Client.IsConnected);
    }
}
