namespace TriVision.Messaging.Commands;

/// <summary>What the pipeline answered to a command: accepted, or rejected with a reason (e.g. unknown alarm id).</summary>
public readonly record struct CommandOutcome(bool Accepted, string? Reason)
{
    public static CommandOutcome Ok() => new(true, null);
    public static CommandOutcome Rejected(string reason) => new(false, reason);
}
