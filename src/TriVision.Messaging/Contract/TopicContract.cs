namespace TriVision.Messaging.Contract;

/// <summary>The topic names of docs/mqtt.md for one line: <c>trivision/{site}/{line}/…</c>.</summary>
public sealed class TopicContract
{
    public const string Root = "trivision";

    public TopicContract(string site, string line)
    {
        CheckSegment(site, "Mqtt:Site");
        CheckSegment(line, "Mqtt:Line");
        Site = site;
        Line = line;
        string prefix = $"{Root}/{site}/{line}";
        Alarm = prefix + "/alarm";
        AlarmState = prefix + "/alarm/state";
        Belt = prefix + "/belt";
        Availability = prefix + "/availability";
        Heartbeat = prefix + "/heartbeat";
        Command = prefix + "/cmd";
        CommandReply = prefix + "/cmd/reply";
    }

    public string Site { get; }
    public string Line { get; }
    /// <summary>QoS 1, not retained.</summary>
    public string Alarm { get; }
    /// <summary>QoS 1, not retained.</summary>
    public string AlarmState { get; }
    /// <summary>QoS 1, retained, rate-limited.</summary>
    public string Belt { get; }
    /// <summary>QoS 1, retained: <c>online</c>, or <c>offline</c> from the will.</summary>
    public string Availability { get; }
    /// <summary>QoS 0, not retained: a stale heartbeat must never look alive.</summary>
    public string Heartbeat { get; }
    /// <summary>Commands in, QoS 1.</summary>
    public string Command { get; }
    /// <summary>Replies out, QoS 1.</summary>
    public string CommandReply { get; }

    public const string Online = "online";
    public const string Offline = "offline";

    /// <summary>Rejects names that would break the topic tree (empty, '/', wildcards, '$' start).</summary>
    public static void CheckSegment(string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value) || value.AsSpan().IndexOfAny("/+#\0") >= 0 || value.StartsWith('$'))
            throw new ArgumentException($"{key} is '{value}'; it must be non-empty and must not contain '/', '+', '#' or start with '$'.");
    }
}
