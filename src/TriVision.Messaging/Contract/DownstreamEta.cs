namespace TriVision.Messaging.Contract;

/// <summary>When the object is expected at a named point downstream of the camera (an ejector, a stop position).</summary>
public sealed record DownstreamEta(string Point, double EtaMs);
