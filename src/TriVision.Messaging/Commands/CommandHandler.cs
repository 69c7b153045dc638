using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Logging;

namespace TriVision.Messaging.Commands;

/// <summary>Parses, authorises and executes one command, producing the reply. Never throws for bad input.</summary>
public sealed class CommandHandler
{
    private readonly ICommandTarget _target;
    private readonly HashSet<string> _allowed;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public CommandHandler(ICommandTarget target, CommandOptions options, ILogger? logger = null, TimeProvider? time = null)
    {
        _target = target;
        _allowed = new HashSet<string>(options.AllowedClientIds, StringComparer.Ordinal);
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public CommandReply Handle(string topic, ReadOnlySpan<byte> payload, IReadOnlyList<KeyValuePair<string, string>>? userProperties)
    {
        var now = _time.GetUtcNow();
        var parsed = CommandParser.Parse(payload, userProperties);
        if (!parsed.IsValid) return Reject(topic, parsed.CommandId, parsed.ClientId, parsed.Error!, now);

        var command = parsed.Command!;
        if (!_allowed.Contains(command.ClientId))
            return Reject(topic, command.Id, command.ClientId, $"client '{command.ClientId}' is not allowed to send commands", now);

        CommandOutcome outcome;
        LineState? state = null;
        switch (command.Type)
        {
            case CommandType.AckAlarm:
                outcome = _target.AcknowledgeAlarm(command.AlarmId!, command.ClientId, command.Reason);
                break;
            case CommandType.MuteLine:
                outcome = _target.MuteLine(now.AddSeconds(command.DurationS!.Value), command.ClientId, command.Reason);
                break;
            default:
                state = _target.GetState();
                outcome = CommandOutcome.Ok();
                break;
        }
        if (!outcome.Accepted) return Reject(topic, command.Id, command.ClientId, outcome.Reason ?? "rejected", now);
        MessagingLog.CommandAccepted(_logger, command.Type.ToString(), command.Id, command.ClientId);
        return new CommandReply { CommandId = command.Id, ClientId = command.ClientId, Status = "accepted", At = now, State = state };
    }

    private CommandReply Reject(string topic, string? commandId, string? clientId, string reason, DateTimeOffset now)
    {
        MessagingLog.CommandRejected(_logger, clientId ?? "(unknown)", topic, reason);
        MessagingMetrics.CommandsRejected.Add(1);
        return new CommandReply { CommandId = commandId, ClientId = clientId, Status = "rejected", Reason = reason, At = now };
    }
}
