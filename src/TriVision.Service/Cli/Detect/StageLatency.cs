namespace TriVision.Service.Cli.Detect;

/// <summary>Milliseconds spent per stage on one frame: reading and decoding, detection, drawing and writing the JPEG.</summary>
internal readonly record struct StageLatency(double ReadMs, double DetectMs, double AnnotateMs, double TotalMs);
