namespace TriVision.Messaging.Contract;

/// <summary>Answer to a command (topic <c>trivision/{site}/{line}/cmd/reply</c>, QoS 1). Schema: docs/schemas/command-reply.json.</summary>
public sealed record CommandReply
{
    /// <summary>The command's id, or null when the command was too malformed to carry one.</summary>
    public string? CommandId { get; init; }
    public string? ClientId { get; init; }
    /// <summary><c>accepted</c> or <c>rejected</c>.</summary>
    public required string Status { get; init; }
    /// <summary>Why a command was rejected, in words.</summary>
    public string? Reason { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>For <c>request_state</c>: the current state.</summary>
    public LineState? State { get; init; }
}
