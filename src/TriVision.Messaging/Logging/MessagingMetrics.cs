using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TriVision.Messaging.Outbox;

namespace TriVision.Messaging.Logging;

/// <summary>Metrics of the messaging area (meter <c>TriVision.Messaging</c>), exported by the service at /metrics.</summary>
public static class MessagingMetrics
{
    public const string MeterName = "TriVision.Messaging";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<OutboxPublisher, byte> Publishers = new();

    /// <summary>Outbox rows acknowledged by the broker and deleted.</summary>
    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("trivision.mqtt.outbox.delivered", "{message}");

    /// <summary>Connections lost after having been established (each one starts a backoff and a replay).</summary>
    public static readonly Counter<long> ConnectionsLost = Meter.CreateCounter<long>("trivision.mqtt.connections_lost", "{connection}");

    public static readonly Counter<long> CommandsRejected = Meter.CreateCounter<long>("trivision.mqtt.commands.rejected", "{command}");

    /// <summary>Heartbeat periods skipped because inference made no progress.</summary>
    public static readonly Counter<long> HeartbeatsWithheld = Meter.CreateCounter<long>("trivision.mqtt.heartbeats.withheld", "{heartbeat}");

    static MessagingMetrics()
    {
        Meter.CreateObservableGauge("trivision.mqtt.outbox.pending", () =>
        {
            long sum = 0;
            foreach (var publisher in Publishers.Keys) sum += publisher.PendingCount;
            return sum;
        }, "{message}", "Messages in the durable outbox not yet acknowledged by the broker");
    }

    internal static void Track(OutboxPublisher publisher) => Publishers.TryAdd(publisher, 0);

    internal static void Untrack(OutboxPublisher publisher) => Publishers.TryRemove(publisher, out _);
}
