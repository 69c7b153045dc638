using TriVision.Testing;
using System.Text.Json;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class BeltStateTests
{
    [Fact]
    public async Task Belt_state_is_rate_limited_newest_wins_and_retained_for_late_subscribers()
    {
        using var broker = new MosquittoBroker();
        using var tmp = new TempDir();
        using var early = new TestSubscriber(broker.Port, "belt-early", ["trivision/plant/l1/belt"], cleanSession: true);
        var options = GatewayTests.Options(broker.Port, tmp.File("outbox.db"));
        options.BeltStateMinInterval = TimeSpan.FromSeconds(1);
        await using var gateway = new MqttGateway(options, new InferenceProgress());
        gateway.Start();
        await gateway.Client.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        // 200 updates in a burst: far more than one per second.
        for (int i = 1; i <= 200; i++)
            gateway.PublishBeltState(new BeltStateMessage { Site = "plant", Line = "l1", At = DateTimeOffset.UtcNow, SpeedMps = i, Occupancy = 0.5, JamState = JamState.Clear });

        static double Speed(string json) => JsonSerializer.Deserialize(json, MessagingJsonContext.Default.BeltStateMessage)!.SpeedMps;
        Assert.True(await TestSubscriber.WaitUntil(() => early.Texts(gateway.Topics.Belt).Select(Speed).Contains(200), TimeSpan.FromSeconds(15)),
            "the newest belt state was never published");
        var seen = early.Texts(gateway.Topics.Belt).Select(Speed).ToList();
        Assert.True(seen.Count <= 5, $"belt state not rate-limited: {seen.Count} messages for a burst of 200");
        Assert.Equal(1, seen[0]);

        using var late = new TestSubscriber(broker.Port, "belt-late", ["trivision/plant/l1/belt"], cleanSession: true);
        Assert.True(await TestSubscriber.WaitUntil(() => late.Snapshot().Count >= 1, TimeSpan.FromSeconds(10)), "no retained belt state");
        Assert.True(late.Snapshot()[0].Retain);
        Assert.Equal(200, Speed(late.Texts(gateway.Topics.Belt)[0]));
    }
}
