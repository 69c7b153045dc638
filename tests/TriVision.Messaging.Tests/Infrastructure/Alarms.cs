using System.Text.Json;
using TriVision.Messaging.Contract;

namespace TriVision.Messaging.Tests.Infrastructure;

internal static class Alarms
{
    public static AlarmMessage Make(int index, string site = "plant", string line = "l1")
    {
        var now = DateTimeOffset.UtcNow;
        return new AlarmMessage
        {
            Id = $"alarm-{index:D6}",
            Site = site,
            Line = line,
            Camera = "cam1",
            ClassName = "gas_cylinder",
            Confidence = 0.87f,
            TrackId = index,
            CapturedAt = now,
            RaisedAt = now,
            Action = RequestedAction.StopLine,
            Downstream = [new DownstreamEta("ejector1", 850), new DownstreamEta("stop_point", 2400)],
            Model = new ModelIdentity("trivision-yolo", "sha256:0123"),
            Box = [0.1f, 0.2f, 0.3f, 0.4f],
        };
    }

    /// <summary>Alarm ids in first-arrival order, duplicates (at-least-once redeliveries) removed, as a consumer dedupes.</summary>
    public static List<string> DedupedIds(IEnumerable<string> payloads)
    {
        var seen = new HashSet<string>();
        var ids = new List<string>();
        foreach (var p in payloads)
        {
            var alarm = JsonSerializer.Deserialize(p, MessagingJsonContext.Default.AlarmMessage)!;
            if (seen.Add(alarm.Id)) ids.Add(alarm.Id);
        }
        return ids;
    }
}
