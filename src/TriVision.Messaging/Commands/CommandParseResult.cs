using TriVision.Messaging.Contract;

namespace TriVision.Messaging.Commands;

/// <summary>The outcome of parsing a command: the command, or the reason it was rejected plus whatever ids could be read for the reply.</summary>
public readonly record struct CommandParseResult(CommandRequest? Command, string? Error, string? CommandId, string? ClientId)
{
    public bool IsValid => Command is not null;

    public static CommandParseResult Ok(CommandRequest command) => new(command, null, command.Id, command.ClientId);

    public static CommandParseResult Fail(string error, string? commandId, string? clientId) => new(null, error, commandId, clientId);
}
