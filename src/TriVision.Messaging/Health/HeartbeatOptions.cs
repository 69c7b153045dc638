namespace TriVision.Messaging.Health;

public sealed class HeartbeatOptions
{
    /// <summary>Heartbeat period. A PLC watchdog typically trips after 2-3 missed periods.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Heartbeats stop once no inference has completed for more than this many periods.</summary>
    public int StallPeriods { get; set; } = 3;

    public void Validate()
    {
        if (Period < TimeSpan.FromMilliseconds(100) || Period > TimeSpan.FromMinutes(5))
            throw new ArgumentException($"Mqtt:Heartbeat:Period is {Period}; allowed 100 ms .. 5 min.");
        if (StallPeriods is < 1 or > 1000) throw new ArgumentException($"Mqtt:Heartbeat:StallPeriods is {StallPeriods}; allowed 1..1000.");
    }
}
