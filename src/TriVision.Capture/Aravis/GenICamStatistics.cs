namespace TriVision.Capture.Aravis;

/// <summary>Aravis stream statistics summed over every session of a source (reconnects included).</summary>
/// <param name="Completed">Buffers the stream completed.</param>
/// <param name="Failures">Buffers that arrived incomplete or corrupt.</param>
/// <param name="Underruns">Frames lost because no buffer was free (the pool or the stream queue was empty).</param>
/// <param name="ResentPackets">GigE Vision packets that had to be resent.</param>
/// <param name="MissingPackets">GigE Vision packets that never arrived.</param>
public readonly record struct GenICamStatistics(ulong Completed, ulong Failures, ulong Underruns, ulong ResentPackets, ulong MissingPackets)
{
    public static GenICamStatistics operator +(GenICamStatistics a, GenICamStatistics b) =>
        new(a.Completed + b.Completed, a.Failures + b.Failures, a.Underruns + b.Underruns, a.ResentPackets + b.ResentPackets, a.MissingPackets + b.MissingPackets);
}
