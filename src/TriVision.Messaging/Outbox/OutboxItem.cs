namespace TriVision.Messaging.Outbox;

/// <summary>One pending message, in outbox order (<see cref="Seq"/> increases with every append).</summary>
public sealed record OutboxItem(long Seq, OutboxKind Kind, string Topic, byte[] Payload, int Qos, bool Retain);
