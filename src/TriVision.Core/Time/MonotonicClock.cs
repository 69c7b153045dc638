using System.Diagnostics;

namespace TriVision.Core.Time;

/// <summary>
/// Monotonic time in nanoseconds from <see cref="Stopwatch"/>: every frame carries its capture time
/// on this clock so that per-stage latency is a subtraction, immune to wall-clock steps.
/// </summary>
public static class MonotonicClock
{
    private static readonly double TicksToNs = 1_000_000_000.0 / Stopwatch.Frequency;

    public static long NowNs => (long)(Stopwatch.GetTimestamp() * TicksToNs);
}
