using Microsoft.Extensions.Logging;

namespace TriVision.Messaging.Logging;

/// <summary>Source-generated log messages for the messaging area; event ids 6000-6099.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(6000, LogLevel.Information, "MQTT connected to {Host}:{Port} as {ClientId}")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId);

    // A routine reconnect is not an error: warn once per drop, the backoff does the rest.
    [LoggerMessage(6001, LogLevel.Warning, "MQTT connection to {Host}:{Port} lost: {Reason}; reconnecting with backoff")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string reason);

    [LoggerMessage(6002, LogLevel.Error, "MQTT broker {Host}:{Port} refused the connection: {Reason}")]
    public static partial void ConnectRefused(ILogger logger, string host, int port, string reason);

    [LoggerMessage(6003, LogLevel.Debug, "libmosquitto: {Text}")]
    public static partial void Library(ILogger logger, string text);

    [LoggerMessage(6004, LogLevel.Error, "MQTT callback {Callback} threw; the message was dropped from managed handling")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string callback);

    [LoggerMessage(6010, LogLevel.Warning, "Outbox holds {Count} pending messages (bound {Bound}); coalesced {Removed} belt-state rows")]
    public static partial void OutboxCoalesced(ILogger logger, long count, int bound, int removed);

    [LoggerMessage(6011, LogLevel.Warning, "Outbox holds {Count} pending messages, above its bound {Bound}; alarms are kept regardless")]
    public static partial void OutboxOverBound(ILogger logger, long count, int bound);

    [LoggerMessage(6012, LogLevel.Information, "Outbox replaying {Count} pending messages after (re)connect")]
    public static partial void OutboxReplay(ILogger logger, long count);

    [LoggerMessage(6020, LogLevel.Warning, "Command rejected from {ClientId} on {Topic}: {Reason}")]
    public static partial void CommandRejected(ILogger logger, string clientId, string topic, string reason);

    [LoggerMessage(6021, LogLevel.Information, "Command {Type} {CommandId} from {ClientId} accepted")]
    public static partial void CommandAccepted(ILogger logger, string type, string commandId, string clientId);

    [LoggerMessage(6030, LogLevel.Warning, "Heartbeat withheld: no inference progress for {StalledMs} ms (frame counter {Frames})")]
    public static partial void HeartbeatWithheld(ILogger logger, long stalledMs, long frames);

    [LoggerMessage(6031, LogLevel.Information, "Heartbeat resumed: inference progressing again (frame counter {Frames})")]
    public static partial void HeartbeatResumed(ILogger logger, long frames);

    [LoggerMessage(6040, LogLevel.Information, "Sparkplug rebirth requested on {Topic}")]
    public static partial void Rebirth(ILogger logger, string topic);

    [LoggerMessage(6041, LogLevel.Warning, "Sparkplug NCMD on {Topic} not understood: {Reason}")]
    public static partial void SparkplugCommandRejected(ILogger logger, string topic, string reason);
}
